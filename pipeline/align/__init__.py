"""Cross-year alignment: the same department, project, indicator and problem across years,
and the wide year-by-year table of `jixiao compare`."""
