"""NLU and pipeline components named in config.yml."""
