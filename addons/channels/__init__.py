"""The input channels named in credentials.yml."""
