# syntax=docker/dockerfile:1
#
# faqbot in a container: a static binary on distroless, running as nonroot.
#
#   docker build -t faqbot .
#   docker run -p 8080:8080 -e SLACK_BOT_TOKEN -e SLACK_APP_TOKEN faqbot
#
# The knowledge file is built into the binary. To serve another one without
# rebuilding, mount it and point FAQBOT_KNOWLEDGE at it. Mount its directory
# rather than the file itself: editors replace a file when saving, and a
# single-file bind mount keeps showing the old one, so reloads would not see
# the edit.
#
#   docker run -p 8080:8080 -v "$PWD/knowledge:/knowledge:ro" \
#     -e FAQBOT_KNOWLEDGE=/knowledge/faq.md faqbot
#
# A config file works the same way: mount it and pass its path to serve (see
# `faqbot serve -h`). Secrets come only from the environment (-e), never from
# the image or the config file.

FROM golang:1.26 AS build
WORKDIR /src
# Modules first, so that a code change does not download them again.
COPY go.mod go.sum ./
RUN --mount=type=cache,target=/go/pkg/mod go mod download
COPY . .
# The same build command CI runs.
RUN --mount=type=cache,target=/go/pkg/mod --mount=type=cache,target=/root/.cache/go-build \
    CGO_ENABLED=0 go build -trimpath -ldflags="-s -w" -o /out/faqbot ./cmd/faqbot

# static-debian12 has CA certificates (for Slack and Discord) and tzdata, and
# no shell or package manager to attack.
FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/faqbot /faqbot
USER nonroot
# insights.path defaults to faqbot.db in the working directory: the nonroot
# home is writable (mount a volume here to keep it across restarts).
WORKDIR /home/nonroot
# Listen on all interfaces inside the container; the default is loopback.
ENV FAQBOT_ADDR=0.0.0.0:8080
EXPOSE 8080
# No shell in the image, so the probe is the binary itself.
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 \
    CMD ["/faqbot", "healthcheck"]
ENTRYPOINT ["/faqbot"]
CMD ["serve"]
