"""The one document model and what every layer shares: errors, numerals and exact money,
the numbering vocabulary, the output schema. Imports nothing else of jixiao."""
