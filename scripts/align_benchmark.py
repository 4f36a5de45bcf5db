"""Cross-year alignment at archive scale, without reading a file.

    .venv/bin/python scripts/align_benchmark.py [--sizes 12500 25000 50000 100000] [--heavy 3000]

Generates the rows alignment reads (documents: department, region, project, year;
indicators: name and unit; problems: text and category) for N documents: departments of two
projects filing one report a year for five years, project names reworded in some years,
eight indicators a report (some renamed), three problems a report (some recurring, reworded).
Times `pipeline.align.compare.align` at each N, and once on one department holding `--heavy`
near-identical project names and problems (the case that was quadratic to cubic).
"""
from __future__ import annotations

import argparse
import os
import platform
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from pipeline.align.compare import align  # noqa: E402

TOPICS = ["法律援助", "人民调解", "校舍维修改造", "学生资助", "农村饮水安全", "小型水库除险加固", "困难群众救助",
          "居家养老服务", "公共文化服务", "农田水利建设", "道路养护", "环境卫生整治", "社区矫正", "普法宣传"]
BUREAUS = ["司法局", "教育局", "水利局", "民政局", "文化广电旅游局", "农业农村局", "交通运输局", "卫生健康局"]
INDICATORS = [("案件办理数量", "件"), ("培训人次", "人次"), ("受益人数", "人"), ("覆盖率", "%"), ("满意度", "%"),
              ("完成及时率", "%"), ("资金到位率", "%"), ("设施完好率", "%"), ("维修面积", "平方米"),
              ("宣传活动场次", "场"), ("建设项目数", "个"), ("验收合格率", "%")]
PROBLEMS = ["资金拨付进度滞后，部分资金年底才支付到位", "基层工作人员年龄结构偏大，专业化水平不高",
            "补贴标准多年未作调整，标准偏低", "重建设轻管护，设施运行维护经费不足", "档案资料归档不全，卷宗管理不规范",
            "绩效目标设置不够细化，效益指标难以量化", "信息化平台建设滞后，数据共享不足", "宣传力度不够，群众知晓率不高"]
REWORD = [("滞后", "偏慢"), ("不足", "不够"), ("偏低", "较低"), ("不高", "有待提高"), ("部分", "个别")]
YEARS = range(2019, 2024)


def synthetic(n_docs: int, seed: int = 1) -> dict[str, list[dict]]:
    rng = random.Random(seed)
    docs, indicators, problems = [], [], []
    per_department = 2 * len(YEARS)
    for d in range(n_docs // per_department + 1):
        region = f"第{d}市"
        department = region + BUREAUS[d % len(BUREAUS)]
        for p in range(2):
            topic = TOPICS[(d + p) % len(TOPICS)]
            wanted = rng.sample(INDICATORS, 8)
            recurring = rng.sample(PROBLEMS, 3)
            for year in YEARS:
                if len(docs) == n_docs:
                    return {"documents": docs, "indicators": indicators, "problems": problems}
                doc_id = f"{d:06d}{p}{year}"
                project = rng.choice([f"{topic}项目资金", f"{year}年{topic}专项经费", f"{topic}工作经费"])
                docs.append({"doc_id": doc_id, "department": department, "region": region, "project": project,
                             "year": year})
                for k, (name, unit) in enumerate(wanted):
                    if rng.random() < 0.1:
                        name = name.replace("数量", "数").replace("率", "比率")
                    indicators.append({"doc_id": doc_id, "char_start": 100 + 40 * k, "name": topic + name,
                                       "target_unit": unit, "actual_unit": unit})
                for k, text in enumerate(recurring if rng.random() < 0.6 else rng.sample(PROBLEMS, 3)):
                    old, new = rng.choice(REWORD)
                    problems.append({"doc_id": doc_id, "char_start": 2000 + 80 * k, "category": None,
                                     "text": text.replace(old, new) if rng.random() < 0.5 else text})
    return {"documents": docs, "indicators": indicators, "problems": problems}


def heavy(n: int) -> dict[str, list[dict]]:
    """One department with `n` reports, each of its own near-identical project, and three
    near-identical problems a report: every name resembles every other."""
    rng = random.Random(2)
    docs, problems = [], []
    for i in range(n):
        doc_id = f"h{i:06d}"
        village = "".join(rng.choice("东西南北上下前后大小新老") for _ in range(2))
        docs.append({"doc_id": doc_id, "department": "某县农业农村局", "region": "某县",
                     "project": f"{village}村{i}组道路硬化工程", "year": 2019 + i % 5})
        problems += [{"doc_id": doc_id, "char_start": 10 * k, "category": None,
                      "text": f"{village}村{rng.choice(PROBLEMS)}"} for k in range(3)]
    return {"documents": docs, "indicators": [], "problems": problems}


def timed(tables: dict) -> tuple[float, dict]:
    started = time.perf_counter()
    result = align(tables)
    return time.perf_counter() - started, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[12500, 25000, 50000, 100000])
    parser.add_argument("--heavy", type=int, default=3000)
    args = parser.parse_args()
    print(f"machine: {platform.machine()} cores={os.cpu_count()} python={platform.python_version()}; "
          f"load average at start {os.getloadavg()[0]:.1f}")
    print(f"{'documents':>10}{'indicators':>12}{'problems':>10}{'align s':>9}{'µs/doc':>8}{'projects':>10}"
          f"{'recurring':>10}")
    for n in args.sizes:
        tables = synthetic(n)
        seconds, result = timed(tables)
        print(f"{n:>10}{len(tables['indicators']):>12}{len(tables['problems']):>10}{seconds:>9.1f}"
              f"{1e6 * seconds / n:>8.0f}{len({(r['department_key'], r['project_key']) for r in result['project_keys']}):>10}"
              f"{len(result['problem_recurrence']):>10}", flush=True)
    if args.heavy:
        tables = heavy(args.heavy)
        seconds, result = timed(tables)
        print(f"one department, {args.heavy} near-identical project names and {len(tables['problems'])} "
              f"near-identical problems: {seconds:.1f} s "
              f"({len({r['project_key'] for r in result['project_keys']})} project keys)")


if __name__ == "__main__":
    main()
