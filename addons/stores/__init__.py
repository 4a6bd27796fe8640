"""The tracker and lock stores named in endpoints.yml."""
