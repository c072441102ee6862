#!/usr/bin/env python3
"""Validates the Kubernetes manifests where no cluster and no schema validator are at hand.

Every file parses as YAML; every object has apiVersion, kind and metadata.name; the
kustomization lists every manifest; the Deployment's selector matches its pods, its containers
have an image, ports, resource requests and limits, and liveness and readiness probes on
/q/health/live and /q/health/ready aimed at a declared port; every ConfigMap and Secret it uses
is the one the folder defines or the documented podium-db Secret; the Service selects the pods and
targets a declared port; every ConfigMap setting is documented in the README.

Usage: scripts/check-kubernetes.py [FOLDER]   (default deploy/kubernetes)
"""

import os
import sys

import yaml

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# Created by the operator (README, "Kubernetes"); never committed with its values.
EXTERNAL_SECRETS = {"podium-db"}
KNOWN_KINDS = {
    "ConfigMap": "v1",
    "Service": "v1",
    "Deployment": "apps/v1",
    "PodDisruptionBudget": "policy/v1",
    "Kustomization": "kustomize.config.k8s.io/v1beta1",
}


class Problems(list):
    def check(self, ok, message):
        if not ok:
            self.append(message)


def load(folder, problems):
    objects = {}
    for name in sorted(os.listdir(folder)):
        if not name.endswith((".yaml", ".yml")):
            continue
        try:
            with open(os.path.join(folder, name)) as f:
                docs = [d for d in yaml.safe_load_all(f) if d is not None]
        except yaml.YAMLError as e:
            problems.append(f"{name}: not YAML: {e}")
            continue
        for doc in docs:
            kind = doc.get("kind")
            where = f"{name}: {kind}"
            problems.check(KNOWN_KINDS.get(kind) == doc.get("apiVersion"),
                           f"{where}: apiVersion {doc.get('apiVersion')} is not {KNOWN_KINDS.get(kind)}")
            if kind != "Kustomization":
                problems.check(bool((doc.get("metadata") or {}).get("name")), f"{where}: no metadata.name")
            objects.setdefault(kind, []).append((name, doc))
    return objects


def container_port_names(container):
    ports = container.get("ports") or []
    return {p.get("name") for p in ports} | {p.get("containerPort") for p in ports}


def check_probe(problems, where, container, probe, path):
    spec = container.get(probe)
    if not spec:
        problems.append(f"{where}: no {probe}")
        return
    get = spec.get("httpGet") or {}
    problems.check(get.get("path") == path, f"{where}: {probe} is not on {path}")
    problems.check(get.get("port") in container_port_names(container),
                   f"{where}: {probe} port {get.get('port')} is not a declared container port")


def check_deployment(problems, name, deployment, config_maps):
    where = f"{name}: Deployment {deployment['metadata']['name']}"
    spec = deployment.get("spec") or {}
    template = spec.get("template") or {}
    labels = (template.get("metadata") or {}).get("labels") or {}
    selector = (spec.get("selector") or {}).get("matchLabels") or {}
    problems.check(selector and selector.items() <= labels.items(),
                   f"{where}: selector {selector} does not match the pod labels {labels}")
    containers = (template.get("spec") or {}).get("containers") or []
    problems.check(containers, f"{where}: no containers")
    for container in containers:
        cwhere = f"{where}, container {container.get('name')}"
        problems.check(container.get("image"), f"{cwhere}: no image")
        problems.check(container.get("ports"), f"{cwhere}: no ports")
        resources = container.get("resources") or {}
        for part in ("requests", "limits"):
            for resource in ("cpu", "memory") if part == "requests" else ("memory",):
                problems.check((resources.get(part) or {}).get(resource),
                               f"{cwhere}: no resources.{part}.{resource}")
        check_probe(problems, cwhere, container, "livenessProbe", "/q/health/live")
        check_probe(problems, cwhere, container, "readinessProbe", "/q/health/ready")
        for source in container.get("envFrom") or []:
            ref = (source.get("configMapRef") or {}).get("name")
            if ref:
                problems.check(ref in config_maps, f"{cwhere}: ConfigMap {ref} is not defined here")
        for env in container.get("env") or []:
            problems.check(env.get("name"), f"{cwhere}: an env entry has no name")
            ref = (env.get("valueFrom") or {}).get("secretKeyRef")
            if ref:
                problems.check(ref.get("name") in EXTERNAL_SECRETS and ref.get("key"),
                               f"{cwhere}: env {env.get('name')} refers to an unknown Secret {ref}")
    return labels, containers


def main():
    folder = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(REPO, "deploy/kubernetes"))
    problems = Problems()
    objects = load(folder, problems)

    config_maps = {doc["metadata"]["name"]: doc for _, doc in objects.get("ConfigMap", [])}
    deployments = objects.get("Deployment", [])
    problems.check(len(deployments) == 1, "exactly one Deployment is expected")
    pods, containers = {}, []
    for name, deployment in deployments:
        pods, containers = check_deployment(problems, name, deployment, config_maps)

    ports = set().union(*(container_port_names(c) for c in containers)) if containers else set()
    for name, service in objects.get("Service", []):
        spec = service.get("spec") or {}
        selector = spec.get("selector") or {}
        problems.check(selector and selector.items() <= pods.items(),
                       f"{name}: the Service selects {selector}, not the Deployment's pods")
        for port in spec.get("ports") or []:
            problems.check(port.get("targetPort") in ports,
                           f"{name}: targetPort {port.get('targetPort')} is not a container port")

    with open(os.path.join(REPO, "README.md")) as f:
        readme = f.read()
    for cm in config_maps.values():
        for key in cm.get("data") or {}:
            problems.check(f"`{key}`" in readme, f"ConfigMap setting {key} is not documented in README.md")

    for name, kustomization in objects.get("Kustomization", []):
        listed = set(kustomization.get("resources") or [])
        present = {f for f in os.listdir(folder) if f.endswith(".yaml") and f != name}
        problems.check(listed == present, f"{name}: lists {sorted(listed)}, the folder has {sorted(present)}")

    if problems:
        print("check-kubernetes: " + "\ncheck-kubernetes: ".join(problems), file=sys.stderr)
        return 1
    count = sum(len(v) for v in objects.values())
    print(f"check-kubernetes: {count} objects in {os.path.relpath(folder, REPO)} are consistent")
    return 0


if __name__ == "__main__":
    sys.exit(main())
