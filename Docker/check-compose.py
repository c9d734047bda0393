"""Checks Docker/compose.yaml against the Compose Specification without a Docker engine.

    python check-compose.py COMPOSE_FILE [ENV_FILE]

Interpolates ${VAR}, ${VAR:-default} and $$ on the parsed tree as Compose does (values from ENV_FILE, else
the defaults in the file), then parses the result with the compose-spec bindings, which reject unknown keys
and wrong types. Also checks what the schema cannot: that every service a depends_on names exists, and that
the replicas count is a positive integer. Prints one line and exits 1 on the first problem.
"""

import re
import sys

import compose_spec
import yaml

PATTERN = re.compile(r"\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?-)([^}]*))?\}")


def read_env(path):
    values = {}
    for line in open(path, encoding="utf-8"):
        line = line.strip()
        if line and not line.startswith("#") and "=" in line:
            key, value = line.split("=", 1)
            values[key] = value
    return values


def interpolate(node, env):
    def substitute(match):
        if match.group(0) == "$$":
            return "$"
        name, operator, default = match.groups()
        value = env.get(name)
        if operator == ":-" and not value:
            return default
        if operator == "-" and value is None:
            return default
        return value or ""

    if isinstance(node, dict):
        return {key: interpolate(value, env) for key, value in node.items()}
    if isinstance(node, list):
        return [interpolate(value, env) for value in node]
    if isinstance(node, str):
        return PATTERN.sub(substitute, node)
    return node


def main():
    compose_path = sys.argv[1]
    env = read_env(sys.argv[2]) if len(sys.argv) > 2 else {}
    with open(compose_path, encoding="utf-8") as file:
        data = interpolate(yaml.safe_load(file), env)
    services = data.get("services", {})
    for name, service in services.items():
        replicas = service.get("deploy", {}).get("replicas")
        if replicas is not None:
            # Compose casts interpolated numbers to the field's type.
            if not str(replicas).isdigit() or int(replicas) < 1:
                sys.exit(f"{compose_path}: services.{name}.deploy.replicas is '{replicas}', not a positive integer")
            service["deploy"]["replicas"] = int(replicas)
        for dependency in service.get("depends_on", {}):
            if dependency not in services:
                sys.exit(f"{compose_path}: services.{name} depends on '{dependency}', which is not a service")
    try:
        compose_spec.PyCompose.from_yaml(yaml.safe_dump(data))
    except ValueError as error:
        sys.exit(f"{compose_path}: {error}")
    profiles = [f"{name}[{','.join(service['profiles'])}]" if "profiles" in service else name for name, service in services.items()]
    print(f"valid against the Compose Specification: services {' '.join(profiles)}")


if __name__ == "__main__":
    main()
