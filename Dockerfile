# lawcheck serve for a legal department's intranet server.
#
#   docker build -t lawcheck .
#   docker run --rm -p 8000:8000 \
#     -v /srv/lawcheck/rules:/srv/lawcheck/rules:ro \
#     -v /srv/lawcheck/acts:/srv/lawcheck/acts:ro \
#     -v /srv/lawcheck/.lawcheck.yaml:/srv/lawcheck/.lawcheck.yaml:ro \
#     lawcheck
#
# The config in /srv/lawcheck (the working folder) names the mounted folders
# (`rules: [rules]`, `acts: acts`); without one the built-in rule base is used.
FROM python:3.12-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

WORKDIR /opt/lawcheck
COPY pyproject.toml README.md CHANGELOG.md ./
COPY checker ./checker
COPY rules ./rules
COPY grammar ./grammar
RUN pip install ".[serve]" && rm -rf /opt/lawcheck

# A user of its own: the server never runs as root. Its home holds the compiled rule-base cache.
RUN useradd --create-home --home-dir /home/lawcheck --uid 10001 --user-group lawcheck \
    && mkdir -p /srv/lawcheck && chown lawcheck:lawcheck /srv/lawcheck
USER lawcheck
WORKDIR /srv/lawcheck

EXPOSE 8000
CMD ["lawcheck", "serve", "--host", "0.0.0.0", "--port", "8000"]
