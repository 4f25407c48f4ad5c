"""The explorer's web UI: static files in `static/`, vendored libraries in `static/vendor/` (see vendor.sh)."""
