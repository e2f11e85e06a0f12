#!/usr/bin/env bash
# Checks the deploy files with the tools that run without a Docker engine or a cluster:
# yamllint (syntax and style), docker-compose config (the Compose schema), kubectl kustomize
# (the kustomization builds) and the Kubernetes API schemas (kubernetes-models).
# Needs: apt-get install -y yamllint docker-compose kubectl; Node.js with npm.
set -euo pipefail
cd "$(dirname "$0")/.."
yamllint -d "{extends: default, rules: {line-length: {max: 140}, document-start: disable, truthy: disable, braces: {max-spaces-inside: 1}}}" compose.yaml kubernetes/
echo "yamllint: ok"
POSTGRES_PASSWORD=check APGRID_SIGNING_KEY=check docker-compose -f compose.yaml config -q
echo "docker-compose config: ok"
kubectl kustomize kubernetes > /dev/null
echo "kubectl kustomize: ok"
npm ci --prefix check --no-audit --no-fund --silent
node check/validate-kubernetes.mjs
