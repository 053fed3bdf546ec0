"""Swagger 2.0 documents, converted to OpenAPI 3.0 by the upgrade stage so later stages see one format.

The conversion follows the OpenAPI 3.0 migration rules: definitions/parameters/responses move under
components, `body` and `formData` parameters become request bodies (one media type per `consumes`),
response schemas get one media type per `produces`, `collectionFormat` becomes style/explode, and
securityDefinitions become securitySchemes.
"""

from __future__ import annotations

import copy
from typing import Any

_REF_MOVES = (("#/definitions/", "#/components/schemas/"), ("#/responses/", "#/components/responses/"))
_PARAMETER_FIELDS = ("type", "format", "items", "enum", "default", "maximum", "minimum", "exclusiveMaximum", "exclusiveMinimum", "maxLength", "minLength", "pattern", "maxItems", "minItems", "uniqueItems", "multipleOf")
_COLLECTION_STYLES = {"csv": ("form", False), "ssv": ("spaceDelimited", False), "pipes": ("pipeDelimited", False), "multi": ("form", True), "tsv": ("form", False)}
_FLOWS = {"implicit": "implicit", "password": "password", "application": "clientCredentials", "accessCode": "authorizationCode"}
_METHODS = ("get", "put", "post", "delete", "options", "head", "patch")


def is_swagger2(data: dict[str, Any]) -> bool:
    return str(data.get("swagger", "")).startswith("2")


def convert(source: dict[str, Any]) -> dict[str, Any]:
    data = copy.deepcopy(source)
    body_parameters = {name for name, value in (data.get("parameters") or {}).items() if isinstance(value, dict) and value.get("in") in ("body", "formData")}
    _rewrite_refs(data, body_parameters)
    consumes = data.get("consumes") or ["application/json"]
    produces = data.get("produces") or ["application/json"]
    result: dict[str, Any] = {"openapi": "3.0.3"}
    for key, value in data.items():
        if key.startswith("x-") or key in ("info", "tags", "externalDocs"):
            result[key] = value
    result["servers"] = _servers(data)
    if "security" in data:
        result["security"] = data["security"]
    components: dict[str, Any] = {}
    if data.get("definitions"):
        components["schemas"] = {name: _schema(schema) for name, schema in data["definitions"].items()}
    parameters = {name: value for name, value in (data.get("parameters") or {}).items() if name not in body_parameters}
    if parameters:
        components["parameters"] = {name: _parameter(value) for name, value in parameters.items()}
    request_bodies = {name: _body_from([value], consumes) for name, value in (data.get("parameters") or {}).items() if name in body_parameters}
    if request_bodies:
        components["requestBodies"] = {name: body for name, body in request_bodies.items() if body is not None}
    if data.get("responses"):
        components["responses"] = {name: _response(value, produces) for name, value in data["responses"].items()}
    if data.get("securityDefinitions"):
        components["securitySchemes"] = {name: _security(value) for name, value in data["securityDefinitions"].items()}
    if components:
        result["components"] = components
    result["paths"] = {path: _path_item(item, consumes, produces) for path, item in (data.get("paths") or {}).items()}
    return result


def _rewrite_refs(value: Any, body_parameters: set[str]) -> None:
    if isinstance(value, dict):
        ref = value.get("$ref")
        if isinstance(ref, str):
            for old, new in _REF_MOVES:
                if ref.startswith(old):
                    value["$ref"] = new + ref[len(old):]
            if ref.startswith("#/parameters/"):
                name = ref[len("#/parameters/"):]
                kind = "requestBodies" if name in body_parameters else "parameters"
                value["$ref"] = f"#/components/{kind}/{name}"
        for item in value.values():
            _rewrite_refs(item, body_parameters)
    elif isinstance(value, list):
        for item in value:
            _rewrite_refs(item, body_parameters)


def _servers(data: dict[str, Any]) -> list[dict[str, Any]]:
    base_path = str(data.get("basePath") or "")
    host = data.get("host")
    if not host:
        return [{"url": base_path or "/"}]
    schemes = data.get("schemes") or ["https"]
    scheme = "https" if "https" in schemes else str(schemes[0])
    return [{"url": f"{scheme}://{host}{base_path}"}]


def _schema(schema: Any) -> Any:
    """Swagger-only schema keywords: x-nullable becomes nullable, type file becomes binary."""
    if isinstance(schema, dict):
        converted = {key: _schema(value) for key, value in schema.items() if key != "x-nullable"}
        if schema.get("x-nullable") is True:
            converted["nullable"] = True
        if schema.get("type") == "file":
            converted["type"] = "string"
            converted["format"] = "binary"
        if isinstance(converted.get("discriminator"), str):
            converted["discriminator"] = {"propertyName": converted["discriminator"]}
        return converted
    if isinstance(schema, list):
        return [_schema(item) for item in schema]
    return schema


def _parameter(parameter: Any) -> Any:
    if not isinstance(parameter, dict) or "$ref" in parameter:
        return parameter
    converted = {key: value for key, value in parameter.items() if key not in _PARAMETER_FIELDS and key not in ("collectionFormat", "allowEmptyValue") or key.startswith("x-")}
    schema = {key: _schema(parameter[key]) for key in _PARAMETER_FIELDS if key in parameter}
    if schema.get("type") == "file":
        schema = {"type": "string", "format": "binary"}
    converted["schema"] = schema
    if parameter.get("type") == "array":
        style, explode = _COLLECTION_STYLES.get(str(parameter.get("collectionFormat", "csv")), ("form", False))
        if parameter.get("in") in ("query", "cookie"):
            converted["style"], converted["explode"] = style, explode
        else:
            converted["explode"] = explode
    return converted


def _body_from(parameters: list[dict[str, Any]], consumes: list[str]) -> dict[str, Any] | None:
    body = [p for p in parameters if isinstance(p, dict) and p.get("in") == "body"]
    form = [p for p in parameters if isinstance(p, dict) and p.get("in") == "formData"]
    if body:
        parameter = body[0]
        media_types = [m for m in consumes if "form" not in m] or ["application/json"]
        request: dict[str, Any] = {"content": {media: {"schema": _schema(parameter.get("schema", {}))} for media in media_types}}
        if parameter.get("description"):
            request["description"] = parameter["description"]
        if parameter.get("required") is True:
            request["required"] = True
        for key, value in parameter.items():
            if key.startswith("x-"):
                request[key] = value
        return request
    if form:
        has_file = any(p.get("type") == "file" for p in form)
        media = "multipart/form-data" if has_file or "multipart/form-data" in consumes else "application/x-www-form-urlencoded"
        properties = {}
        for parameter in form:
            schema = _parameter(parameter)["schema"]
            if parameter.get("description"):
                schema["description"] = parameter["description"]
            properties[parameter["name"]] = schema
        required = [p["name"] for p in form if p.get("required") is True]
        schema_object: dict[str, Any] = {"type": "object", "properties": properties}
        if required:
            schema_object["required"] = required
        return {"content": {media: {"schema": schema_object}}, "required": bool(required)}
    return None


def _response(response: Any, produces: list[str]) -> Any:
    if not isinstance(response, dict) or "$ref" in response:
        return response
    converted: dict[str, Any] = {"description": response.get("description", "")}
    if "schema" in response:
        examples = response.get("examples") or {}
        content = {}
        for media in produces:
            entry: dict[str, Any] = {"schema": _schema(response["schema"])}
            if media in examples:
                entry["example"] = examples[media]
            content[media] = entry
        converted["content"] = content
    if response.get("headers"):
        converted["headers"] = {
            name: {"description": header.get("description", ""), "schema": {k: v for k, v in header.items() if k in _PARAMETER_FIELDS}}
            for name, header in response["headers"].items()
            if isinstance(header, dict)
        }
    for key, value in response.items():
        if key.startswith("x-"):
            converted[key] = value
    return converted


def _security(scheme: Any) -> Any:
    if not isinstance(scheme, dict):
        return scheme
    kind = scheme.get("type")
    extras = {key: value for key, value in scheme.items() if key.startswith("x-") or key == "description"}
    if kind == "basic":
        return {"type": "http", "scheme": "basic", **extras}
    if kind == "apiKey":
        return {"type": "apiKey", "name": scheme.get("name", ""), "in": scheme.get("in", "header"), **extras}
    if kind == "oauth2":
        flow_name = _FLOWS.get(str(scheme.get("flow")), "implicit")
        flow: dict[str, Any] = {"scopes": scheme.get("scopes") or {}}
        if flow_name in ("implicit", "authorizationCode"):
            flow["authorizationUrl"] = scheme.get("authorizationUrl", "")
        if flow_name != "implicit":
            flow["tokenUrl"] = scheme.get("tokenUrl", "")
        return {"type": "oauth2", "flows": {flow_name: flow}, **extras}
    return scheme


def _path_item(item: Any, consumes: list[str], produces: list[str]) -> Any:
    if not isinstance(item, dict):
        return item
    converted: dict[str, Any] = {}
    shared = item.get("parameters") or []
    for key, value in item.items():
        if key == "parameters":
            kept = [_parameter(p) for p in value if not (isinstance(p, dict) and p.get("in") in ("body", "formData"))]
            if kept:
                converted["parameters"] = kept
        elif key in _METHODS and isinstance(value, dict):
            converted[key] = _operation(value, shared, consumes, produces)
        else:
            converted[key] = value
    return converted


def _operation(operation: dict[str, Any], shared: list[Any], consumes: list[str], produces: list[str]) -> dict[str, Any]:
    op_consumes = operation.get("consumes") or consumes
    op_produces = operation.get("produces") or produces
    parameters = operation.get("parameters") or []
    converted: dict[str, Any] = {}
    for key, value in operation.items():
        if key in ("consumes", "produces", "schemes"):
            continue
        if key == "parameters":
            kept = [_parameter(p) for p in value if not (isinstance(p, dict) and p.get("in") in ("body", "formData"))]
            if kept:
                converted["parameters"] = kept
            body_refs = [p for p in value if isinstance(p, dict) and isinstance(p.get("$ref"), str) and "/requestBodies/" in p["$ref"]]
            if body_refs:
                converted["parameters"] = [p for p in converted.get("parameters", []) if p not in body_refs]
                converted["requestBody"] = {"$ref": body_refs[0]["$ref"]}
        elif key == "responses" and isinstance(value, dict):
            converted["responses"] = {code: _response(response, op_produces) for code, response in value.items()}
        else:
            converted[key] = value
    inline = [p for p in list(shared) + list(parameters) if isinstance(p, dict) and p.get("in") in ("body", "formData")]
    body = _body_from(inline, op_consumes)
    if body is not None:
        converted["requestBody"] = body
    if not converted.get("parameters"):
        converted.pop("parameters", None)
    return converted
