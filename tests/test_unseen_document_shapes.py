"""Shapes found in APIs.guru documents outside the tuned sample whose generated tests failed (issue 13).

One document holds them all; its generated tests must pass, and each shape is also checked where
the generator answers it (a warning, the value a test sends or expects).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from generator.ground.diagnostics import WarningSink
from generator.pipeline import read_api
from tests.test_contract_fixes import assert_generated_tests_pass, generate

JSON = "application/json"

SHAPES: dict[str, Any] = {
    "openapi": "3.0.3",
    "info": {"title": "Shapes", "version": "1"},
    "servers": [{"url": "https://shapes.example.test"}],
    "paths": {
        # A reply schema with properties and no type, documented with an array example (Azure).
        "/workbooks": {
            "get": {
                "operationId": "listWorkbooks",
                "responses": {"200": {"description": "ok", "content": {JSON: {"schema": {"$ref": "#/components/schemas/WorkbookList"}, "examples": {"list": {"value": [{"name": "a"}]}}}}}},
            }
        },
        # One header named at the path and, in another case, at the operation (AWS signatures).
        "/publish": {
            "parameters": [{"name": "X-Amz-Content-Sha256", "in": "header", "schema": {"type": "string"}}],
            "post": {
                "operationId": "publish",
                "parameters": [
                    {"name": "x-amz-content-sha256", "in": "header", "required": True, "schema": {"type": "string", "pattern": "^[0-9a-f]+$", "minLength": 64, "maxLength": 64}},
                    # An optional query parameter whose default (so its example) is empty (Ex Libris),
                    # and one whose enum starts with the empty string (FEC).
                    {"name": "printed", "in": "query", "schema": {"type": "string", "default": ""}},
                    {"name": "office", "in": "query", "schema": {"type": "string", "enum": ["", "H", "S"]}},
                    # Ticketmaster: an empty example and default, and a pattern whose first branch is empty.
                    {"name": "marketId", "in": "query", "example": "", "schema": {"type": "string", "default": "", "pattern": "^\\s*$|^(\\d+(,\\d+)*)?$"}},
                    # A documented parameter where the API key travels (FEC's api_key).
                    {"name": "api_key", "in": "query", "schema": {"type": "string"}, "example": "DEMO_KEY"},
                ],
                "responses": {"204": {"description": "done"}},
            },
        },
        # A JSON reply described as a binary string (EPA): the client reads bytes.
        "/download": {"get": {"operationId": "download", "responses": {"200": {"description": "file", "content": {JSON: {"schema": {"type": "string", "format": "binary"}}}}}}},
        # An audio reply "described" by an object schema (CallFire): bytes on the wire and in the client.
        "/recording.mp3": {"get": {"operationId": "recording", "responses": {"200": {"description": "mp3", "content": {"audio/mpeg": {"schema": {"type": "object", "description": "~"}}}}}}},
        # An error model named like a builtin, defined after its first use (tl-api's Exception);
        # a reply documented with `content: {}` (TrueSight).
        "/articles": {
            "get": {
                "operationId": "getArticle",
                "responses": {
                    "200": {"description": "ok", "content": {}},
                    "500": {"description": "failed", "content": {JSON: {"schema": {"$ref": "#/components/schemas/ApiException"}}}},
                },
            },
            # A GET documenting an empty text body (nowpayments); a list of read-only ids (Probely).
            "post": {
                "operationId": "tagArticles",
                "requestBody": {"required": True, "content": {JSON: {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/Id"}}}}},
                "responses": {"204": {"description": "done"}},
            },
        },
        "/subscriptions": {"get": {"operationId": "listSubscriptions", "requestBody": {"content": {"text/plain": {"example": ""}}}, "responses": {"204": {"description": "none"}}}},
        # A free-form object query parameter with an empty example (Twilio's AddOnsData); a
        # reference into a oneOf option (Nexmo's `channel/properties/from/oneOf/0`).
        "/lookups": {
            "get": {
                "operationId": "lookup",
                "parameters": [{"name": "AddOnsData", "in": "query", "schema": {"type": "object"}, "example": {}}],
                "responses": {"200": {"description": "ok", "content": {JSON: {"schema": {"$ref": "#/components/schemas/Channel"}}}}},
            }
        },
        # A closed object that requires names its properties lack (e-conomic).
        "/employees": {
            "put": {
                "operationId": "updateEmployee",
                "requestBody": {"required": True, "content": {JSON: {"schema": {"$ref": "#/components/schemas/Employee"}}}},
                "responses": {"200": {"description": "ok", "content": {JSON: {"schema": {"$ref": "#/components/schemas/Employee"}}}}},
            }
        },
        # An id documented as a uuid 24 characters long (Intercom: MongoDB ObjectIds); HAL links as an
        # object without a type, only `additionalProperties` (Dwolla).
        "/conversations": {
            "post": {
                "operationId": "createConversation",
                "requestBody": {
                    "required": True,
                    "content": {JSON: {"schema": {"type": "object", "required": ["id"], "properties": {"id": {"type": "string", "format": "uuid", "minLength": 24, "maxLength": 24}}}, "example": {"id": "6762f11b1bb69f9f2193bba3"}}},
                },
                "responses": {
                    "200": {"description": "ok", "content": {JSON: {"schema": {"type": "object", "properties": {"_links": {"additionalProperties": {"type": "object", "properties": {"href": {"type": "string"}}}}}}}}}
                },
            }
        },
        # A request body as `text/json` (Rumble), a reply whose media type spells its charset in capitals (ip2proxy).
        "/scans": {
            "put": {
                "operationId": "createScan",
                "requestBody": {"required": True, "content": {"text/json": {"schema": {"type": "object", "required": ["targets"], "properties": {"targets": {"type": "string", "example": "defaults"}}}}}},
                "responses": {"200": {"description": "ok", "content": {"text/html; charset=UTF-8": {"schema": {"type": "string"}, "example": "<p>done</p>"}}}},
            }
        },
        # Two path parameters with nothing between them (NASA's `{id}{.format}`, added by APIs.guru).
        "/projects/{id}{.format}": {
            "get": {
                "operationId": "getProject",
                "parameters": [
                    {"name": "id", "in": "path", "required": True, "schema": {"type": "integer"}, "example": 17},
                    {"name": ".format", "in": "path", "required": True, "schema": {"type": "string"}, "example": "json"},
                ],
                "responses": {"200": {"description": "ok", "content": {JSON: {"schema": {"type": "object", "properties": {"id": {"type": "integer"}}}, "example": {"id": 17}}}}},
            }
        },
        # Parameters described by a JSON `content` instead of a schema (Stream's path ids, a filter object).
        "/calls/{call_id}": {
            "post": {
                "operationId": "getCallToken",
                "parameters": [
                    {"name": "call_id", "in": "path", "required": True, "content": {JSON: {"schema": {"type": "string"}}}},
                    {"name": "filter", "in": "query", "content": {JSON: {"schema": {"type": "object", "properties": {"team": {"type": "string"}, "ids": {"type": "array", "items": {"type": "integer"}}}}, "example": {"team": "red", "ids": [1, 2]}}}},
                    {"name": "X-Context", "in": "header", "content": {JSON: {"schema": {"type": "object", "properties": {"user": {"type": "string"}}}, "example": {"user": "u1"}}}},
                ],
                "responses": {"204": {"description": "done"}},
            }
        },
        # A required id marked readOnly on the schema it refers to (Apideck): the client never sends it.
        "/customers": {
            "post": {
                "operationId": "addCustomer",
                "requestBody": {"required": True, "content": {JSON: {"schema": {"$ref": "#/components/schemas/Customer"}}}},
                "responses": {"201": {"description": "made", "content": {JSON: {"schema": {"$ref": "#/components/schemas/Customer"}}}}},
            }
        },
        # Jira: a required readOnly property whose component is writeOnly (for requests); a closed union
        # with no properties of its own beside its oneOf, as the items of a list.
        "/gadgets": {
            "post": {
                "operationId": "addGadget",
                "responses": {
                    "200": {
                        "description": "added",
                        "content": {JSON: {"schema": {"$ref": "#/components/schemas/Gadget"}, "example": {"id": 1, "position": {"row": 1, "column": 2}}}},
                    }
                },
            }
        },
        "/defaults": {
            "get": {
                "operationId": "listDefaults",
                "responses": {
                    "200": {
                        "description": "ok",
                        "content": {JSON: {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/DefaultValue"}}, "example": [{"type": "single", "optionId": "10001"}]}},
                    }
                },
            }
        },
        # `type: array` beside `properties` (DataAtWork's Jobs): a list; the properties bind only objects.
        "/jobs": {"get": {"operationId": "listJobs", "responses": {"200": {"description": "ok", "content": {JSON: {"schema": {"$ref": "#/components/schemas/Jobs"}}}}}}},
        # An octet-stream reply "described" as a list of strings (eBay's evidence files): bytes.
        "/evidence": {"get": {"operationId": "fetchEvidence", "responses": {"200": {"description": "file", "content": {"application/octet-stream": {"schema": {"type": "array", "items": {"type": "string"}}}}}}}},
        # Impala: a free-form deepObject filter with numbers (text on the wire), and a non-exploded list
        # whose example is one comma-joined string.
        "/hotels": {
            "get": {
                "operationId": "listHotels",
                "parameters": [
                    {"name": "starRating", "in": "query", "style": "deepObject", "explode": True, "schema": {"type": "object"}, "example": {"gt": 3, "lt": 5}},
                    {"name": "hotelIds", "in": "query", "style": "form", "explode": False, "schema": {"type": "array", "items": {"type": "string"}, "example": ["h1,h2"]}},
                    # SoundCloud: deepObject without `explode` (OpenAPI defines it only exploded).
                    {"name": "bpm", "in": "query", "style": "deepObject", "schema": {"type": "object", "properties": {"from": {"type": "integer", "example": 120}}}},
                ],
                "responses": {"204": {"description": "none"}},
            }
        },
        # ShipEngine: a closed list reply that takes its paging members from an allOf part.
        "/images": {
            "get": {
                "operationId": "listImages",
                "responses": {"200": {"description": "ok", "content": {JSON: {"schema": {"$ref": "#/components/schemas/ImageList"}, "example": {"images": ["a.png"], "page": 1, "total": 1}}}}},
            }
        },
        # Impala's pages: the example leaves out the `pagination` object that holds the next link (its
        # members are required), and its one item is in a list of unique items.
        "/rooms": {
            "get": {
                "operationId": "listRooms",
                "responses": {
                    "200": {
                        "description": "ok",
                        "content": {
                            JSON: {
                                "schema": {
                                    "type": "object",
                                    "properties": {
                                        "data": {"type": "array", "uniqueItems": True, "items": {"type": "object", "required": ["id"], "properties": {"id": {"type": "string"}}}},
                                        "pagination": {
                                            "type": "object",
                                            "required": ["count", "next"],
                                            "properties": {"count": {"type": "integer"}, "next": {"type": "string", "format": "uri", "nullable": True}},
                                        },
                                    },
                                },
                                "example": {"data": [{"id": "r1"}]},
                            }
                        },
                    }
                },
            }
        },
        # quarantine.country: a property named `recovered"` while replies carry `recovered`, which is
        # that field's Python name: read by wire names alone, the reply's key stays an extra.
        "/spots": {
            "get": {
                "operationId": "getSpots",
                "responses": {
                    "200": {
                        "description": "ok",
                        "content": {JSON: {"schema": {"type": "object", "properties": {'recovered"': {"type": "integer"}, "deaths": {"type": "integer"}}}, "example": {"recovered": 7, "deaths": 3}}},
                    }
                },
            }
        },
        # Microcks: `type: object` beside a reference to an array, which OpenAPI 3.0 (and the client) ignores.
        "/labels": {
            "get": {
                "operationId": "getLabels",
                "responses": {
                    "200": {
                        "description": "ok",
                        "content": {JSON: {"schema": {"type": "object", "additionalProperties": {"$ref": "#/components/schemas/Strings", "type": "object"}}, "example": {"env": ["dev"]}}},
                    }
                },
            }
        },
        # RiteKit: an image reply whose example is the empty text; People Generator: a `*/*` integer reply.
        "/logo": {"get": {"operationId": "getLogo", "responses": {"200": {"description": "png", "content": {"image/png": {"examples": {"response": {"value": ""}}}}}}}},
        "/age": {"get": {"operationId": "getAge", "responses": {"200": {"description": "an age", "content": {"*/*": {"schema": {"type": "integer", "format": "int32"}}}}}}},
        # rtckit: a form body that requires a field its properties do not declare.
        "/record": {
            "post": {
                "operationId": "recordStart",
                "requestBody": {"content": {"application/x-www-form-urlencoded": {"schema": {"type": "object", "required": ["ConferenceName"], "properties": {"FileName": {"type": "string", "example": "rec"}}}}}},
                "responses": {"204": {"description": "started"}},
            }
        },
    },
    "security": [{"key": []}],
    "components": {
        "securitySchemes": {"key": {"type": "apiKey", "in": "query", "name": "api_key"}},
        "schemas": {
            "WorkbookList": {"properties": {"value": {"type": "array", "items": {"type": "object", "properties": {"name": {"type": "string"}}}}}},
            "ApiException": {"allOf": [{"$ref": "#/components/schemas/Exception"}, {"type": "object", "properties": {"statusCode": {"type": "integer"}}}]},
            "Exception": {"type": "object", "properties": {"InnerException": {"nullable": True, "oneOf": [{"$ref": "#/components/schemas/Exception"}]}, "Message": {"type": "string"}}},
            "Id": {"type": "string", "readOnly": True, "example": "jMXUw-BE_2vd"},
            "Gadget": {
                "type": "object",
                "required": ["id", "position"],
                "properties": {"id": {"type": "integer"}, "position": {"allOf": [{"$ref": "#/components/schemas/GadgetPosition"}], "readOnly": True}},
            },
            "GadgetPosition": {"type": "object", "writeOnly": True, "required": ["row", "column"], "properties": {"row": {"type": "integer"}, "column": {"type": "integer"}}},
            "DefaultValue": {
                "additionalProperties": False,
                "oneOf": [{"$ref": "#/components/schemas/SingleDefault"}, {"$ref": "#/components/schemas/MultipleDefault"}],
                "discriminator": {"propertyName": "type", "mapping": {"single": "#/components/schemas/SingleDefault", "multiple": "#/components/schemas/MultipleDefault"}},
            },
            "SingleDefault": {"type": "object", "required": ["type", "optionId"], "properties": {"type": {"type": "string"}, "optionId": {"type": "string"}}},
            "MultipleDefault": {"type": "object", "required": ["type", "optionIds"], "properties": {"type": {"type": "string"}, "optionIds": {"type": "array", "items": {"type": "string"}}}},
            "Jobs": {"type": "array", "items": {"type": "object", "properties": {"title": {"type": "string"}}}, "properties": {"links": {"type": "array", "items": {"type": "string"}}}},
            "PagedList": {"type": "object", "required": ["page", "total"], "properties": {"page": {"type": "integer"}, "total": {"type": "integer"}}},
            "ImageList": {"type": "object", "additionalProperties": False, "allOf": [{"$ref": "#/components/schemas/PagedList"}], "properties": {"images": {"type": "array", "items": {"type": "string"}}}},
            "Strings": {"type": "array", "items": {"type": "string"}},
            "Customer": {"type": "object", "required": ["id", "name"], "properties": {"id": {"$ref": "#/components/schemas/Id"}, "name": {"type": "string", "example": "Ada"}}},
            "Channel": {
                "type": "object",
                "properties": {
                    "from": {"oneOf": [{"type": "object", "properties": {"user": {"type": "string"}}}, {"type": "object", "properties": {"number": {"type": "string"}}}]},
                    "to": {"$ref": "#/components/schemas/Channel/properties/from/oneOf/0"},
                },
            },
            "Employee": {
                "type": "object",
                "additionalProperties": False,
                "required": ["name", "canApprove"],
                "properties": {"name": {"type": "string"}, "access": {"type": "boolean"}},
            },
        }
    },
}


def webhook_document() -> dict[str, Any]:
    return {
        "openapi": "3.1.0",
        "info": {"title": "Hooks", "version": "1"},
        "paths": {},
        "webhooks": {
            "created": {
                "post": {
                    "requestBody": {"content": {JSON: {"schema": {"$ref": "#/components/schemas/Created"}, "example": {"createdAt": "2025-10-15T13:51:12.734Z", "id": "m1"}}}},
                    "responses": {"200": {"description": "ok"}},
                }
            }
        },
        "components": {"schemas": {"Created": {"type": "object", "properties": {"createdAt": {"type": "string", "format": "date-time"}, "id": {"type": "string", "readOnly": True}}}}},
    }


def test_unseen_shapes_give_passing_generated_tests(tmp_path: Path) -> None:
    out = generate(tmp_path, SHAPES, "shapes")
    assert_generated_tests_pass(out, "shapes")
    tests = "".join(path.read_text() for path in sorted((out / "shapes" / "tests").glob("test_*.py")))
    # The array example was replaced by an object the model reads.
    assert 'LIST_200: Any = {"value": [' in tests
    # One header, the operation's spelling; a non-empty query value.
    assert '"x-amz-content-sha256": "' in tests and '"X-Amz-Content-Sha256"' not in tests
    assert 'printed="example"' in tests and 'office="H"' in tests and 'market_id=" "' in tests
    assert "DEMO_KEY" not in tests  # the credential fills api_key
    assert "add_ons_data={}" not in tests
    models = (out / "shapes" / "models.py").read_text()
    assert "class Jobs(" not in models and "Jobs: TypeAlias = list[JobsItem]" in models
    assert "class Exception_2(" in models and "class Exception(" not in models
    # The HAL links: an object of objects, as the client reads the schema, not a string.
    assert '{"_links": {"key": {"href": "example"}}}' in tests
    # The later of two adjacent path parameters is one character long: the URL splits as it was joined.
    assert 'path_params={"id": 17, ".format": "j"}' in tests
    # JSON `content` parameters travel as JSON text, which openapi-core reads back into the values.
    assert 'query={"filter": {"team": "red", "ids": [1, 2]}}' in tests
    # Jira's shapes keep their document examples (nothing had to be dropped to satisfy the schema).
    assert 'ADD_200: Any = {"id": 1, "position": {"row": 1, "column": 2}}' in tests
    assert 'LIST_200: Any = [{"type": "single", "optionId": "10001"}]' in tests
    assert 'query={"starRating": {"gt": "3", "lt": "5"}, "hotelIds": ["h1", "h2"], "bpm": {"from": 120}},' in tests
    assert 'LIST_200: Any = {"images": ["a.png"], "page": 1, "total": 1}' in (out / "shapes" / "tests" / "test_images.py").read_text()
    rooms = (out / "shapes" / "tests" / "test_rooms.py").read_text()
    assert "def test_iter_list(" in rooms and '"pagination": {"count": 1, "next": ' in rooms
    assert 'model_extra=Extra("recovered")' in (out / "shapes" / "tests" / "test_spots.py").read_text()  # the wire key that is another field's Python name
    assert 'GET_200: Any = {"env": ["dev"]}' in (out / "shapes" / "tests" / "test_labels.py").read_text()
    assert "def get(" in (out / "shapes" / "resources" / "age.py").read_text() and ") -> int:" in (out / "shapes" / "resources" / "age.py").read_text()
    assert 'conference_name="example"' in (out / "shapes" / "tests" / "test_record.py").read_text()
    # A binary string in JSON is compared as the bytes the client gives.
    assert '"hello".encode(), _call_' in tests  # the expected value of a table row (tests/_contract.Case)


def test_unseen_shapes_are_announced(tmp_path: Path) -> None:
    warnings = WarningSink()
    read_api(SHAPES, "shapes", warnings)
    messages = {(item.pointer, item.message) for item in warnings.sorted()}
    text = "\n".join(f"{pointer}: {message}" for pointer, message in sorted(messages))
    assert "#/paths/~1workbooks/get/responses/200/content/application~1json/schema: the document's example breaks the schema (the client reads a schema with properties and no type as an object, not list)" in text
    assert "#/paths/~1publish/parameters/0: header parameters 'X-Amz-Content-Sha256' and 'x-amz-content-sha256' name one header" in text
    assert "#/paths/~1publish/post/parameters/1: the parameter's example is empty" in text
    assert "#/paths/~1publish/post/parameters/4: query parameter 'api_key' is where the operation's API key travels" in text
    assert "#/components/schemas/Employee: required 'canApprove' not among the properties of an object with additionalProperties: false" in text
    assert "#/paths/~1conversations/post/requestBody/content/application~1json/schema/properties/id: no 'uuid' is 24 characters long" in text


def test_webhook_round_trip_expects_the_clients_spelling_of_times(tmp_path: Path) -> None:
    out = generate(tmp_path, webhook_document(), "hooks")
    assert_generated_tests_pass(out, "hooks")
    tests = (out / "hooks" / "tests" / "test_client.py").read_text()
    assert '"createdAt": "2025-10-15T13:51:12.734000+00:00"' in tests and '"id": "m1"' in tests


def test_arguments_never_shadow_the_names_a_resource_module_uses(tmp_path: Path) -> None:
    """Apideck's `raw` query flag met the method's own `raw` local; `cast` or `given` would break the call."""
    names = ["raw", "cast", "given", "Param", "merge_body", "warn_deprecated", "Mapping", "overload", "RequestOptions", "cached_property"]
    parameters = [{"name": name, "in": "query", "schema": {"type": "string"}, "example": f"v-{name}"} for name in names]
    document = {
        "openapi": "3.0.3",
        "info": {"title": "Shadows", "version": "1"},
        "servers": [{"url": "https://shadows.example.test"}],
        "paths": {
            "/things/{JsonBody}": {
                "post": {
                    "operationId": "makeThing",
                    "deprecated": True,
                    "parameters": [{"name": "JsonBody", "in": "path", "required": True, "schema": {"type": "string"}, "example": "p"}, *parameters],
                    "requestBody": {"content": {JSON: {"schema": {"type": "object", "properties": {"given_files": {"type": "string"}}}, "example": {"given_files": "f"}}}},
                    "responses": {"200": {"description": "ok", "content": {JSON: {"schema": {"type": "object", "properties": {"id": {"type": "string"}}}, "example": {"id": "1"}}}}},
                }
            }
        },
    }
    out = generate(tmp_path, document, "shadows")
    assert_generated_tests_pass(out, "shadows")
    typed = subprocess.run([sys.executable, "-m", "mypy", "--strict", "shadows"], cwd=out, capture_output=True, text=True, timeout=600)
    assert typed.returncode == 0, typed.stdout[-3000:]
    resource = (out / "shadows" / "resources" / "things.py").read_text()
    # A name the method itself uses says where the value goes: the query.
    assert "raw: str | NotGiven = NOT_GIVEN" in resource and "query_cast: str | NotGiven" in resource and "query_given: str | NotGiven" in resource


def test_resources_never_shadow_the_names_the_client_class_uses(tmp_path: Path) -> None:
    """Azure API Management's `property` tag became `Client.property`, and the `@property` below it
    in the class body then named that resource: the package did not import."""
    tags = ["property", "cached_property", "type", "base_url"]
    paths = {
        f"/{tag}": {"get": {"operationId": f"list_{tag}", "tags": [tag], "responses": {"200": {"description": "ok", "content": {JSON: {"schema": {"type": "object", "properties": {"id": {"type": "string"}}}, "example": {"id": tag}}}}}}}
        for tag in tags
    }
    document = {"openapi": "3.0.3", "info": {"title": "Shadows", "version": "1"}, "servers": [{"url": "https://shadows.example.test"}], "paths": paths}
    out = generate(tmp_path, document, "shadows")
    assert_generated_tests_pass(out, "shadows")
    typed = subprocess.run([sys.executable, "-m", "mypy", "--strict", "shadows"], cwd=out, capture_output=True, text=True, timeout=600)
    assert typed.returncode == 0, typed.stdout[-3000:]
    client = (out / "shadows" / "_client.py").read_text()
    assert "def property_2(self) -> Property:" in client and "def base_url(self) -> str:" in client


def test_integers_beyond_float_precision_under_type_number(tmp_path: Path) -> None:
    """Chaingateway's wei amounts: `type: number` with the example 243670157034784130. The client
    holds a float (the nearest one); the test expects that float, not the integer it cannot hold."""
    big = 243670157034784130
    transfer = {"type": "object", "properties": {"value": {"type": "number"}, "values": {"type": "array", "items": {"type": "number"}}, "index": {"type": "integer"}}}
    reply = {"description": "ok", "content": {JSON: {"schema": transfer, "example": {"value": big, "values": [big, 1], "index": big}}}}
    document = {
        "openapi": "3.0.3",
        "info": {"title": "Wei", "version": "1"},
        "servers": [{"url": "https://wei.example.test"}],
        "paths": {"/transfers/latest": {"get": {"operationId": "getLatestTransfer", "responses": {"200": reply}}}},
    }
    out = generate(tmp_path, document, "wei")
    assert_generated_tests_pass(out, "wei")
    tests = next((out / "wei" / "tests").glob("test_transfers*.py")).read_text()
    # The float is written; the integer the client holds as sent is read from the reply itself (a `Read`).
    assert "value=2.4367015703478413e17" in tests and f"index={big}" not in tests and "GET_LATEST_200_PARSED: Any = Read(\n    GET_LATEST_200,\n" in tests


@pytest.mark.parametrize(("kind", "default", "sent"), [("integer", "offset: int = 0,", "0"), ("string", "offset: str = '0',", "'0'")])
def test_a_required_offset_is_optional_in_the_iter_method(tmp_path: Path, kind: str, default: str, sent: str) -> None:
    """patientview's list takes a required `offset`: `iter_` starts the walk at offset 0 when it is
    not given (the document's requirement holds for each request it sends), and its walk test passes
    it as the start and type-checks. VTEX types its page number as a string: the default is "0"."""
    page = {"type": "object", "properties": {"data": {"type": "array", "items": {"type": "object", "properties": {"id": {"type": "string"}}}}, "totalElements": {"type": "integer"}}}
    parameters = [
        {"name": "offset", "in": "query", "required": True, "schema": {"type": kind}, "example": 0 if kind == "integer" else "0"},
        {"name": "limit", "in": "query", "required": True, "schema": {"type": "integer"}, "example": 2},
    ]
    document = {
        "openapi": "3.0.3",
        "info": {"title": "Offsets", "version": "1"},
        "servers": [{"url": "https://offsets.example.test"}],
        "paths": {"/observations": {"get": {"operationId": "listObservations", "parameters": parameters, "responses": {"200": {"description": "ok", "content": {JSON: {"schema": page}}}}}}},
    }
    out = generate(tmp_path, document, "offsets")
    resource = (out / "offsets" / "resources" / "observations.py").read_text()
    assert resource.replace('"', "'").count(default) == 2, resource  # iter_list, sync and async
    annotation = "int" if kind == "integer" else "str"
    assert f"def list(\n        self,\n        *,\n        offset: {annotation},\n        limit: int,\n" in resource  # the plain method still requires it
    output = assert_generated_tests_pass(out, "offsets")
    assert "skipped" not in output
    typed = subprocess.run([sys.executable, "-m", "mypy", "--strict", "offsets"], cwd=out, capture_output=True, text=True, timeout=600)
    assert typed.returncode == 0, typed.stdout[-3000:]
    tests = (out / "offsets" / "tests" / "test_observations.py").read_text()
    assert f'assert first.query["offset"] == {sent}'.replace("'", '"') in tests.replace("'", '"')


def test_obs_shapes_query_in_path_keys_replies_by_reference_and_namespace_attributes(tmp_path: Path) -> None:
    """openSUSE's build service: a path key that spells `?view=fileinfo` while `view` is also a declared
    query parameter; a reply that is a `$ref` to another path's XML reply; `xmlns` attributes."""
    xml = "application/xml; charset=utf-8"
    info = {
        "type": "object",
        "xml": {"name": "fileinfo"},
        "properties": {
            "xmlns": {"type": "string", "xml": {"attribute": True}},
            "name": {"type": "string"},
            # EC2: two unwrapped lists whose items are both <item> elements
            "subnetIds": {"type": "array", "items": {"type": "string", "xml": {"name": "item"}}},
            "tagSet": {"type": "array", "items": {"type": "object", "properties": {"key": {"type": "string"}}, "xml": {"name": "item"}}},
        },
    }
    document = {
        "openapi": "3.0.3",
        "info": {"title": "Obs", "version": "1"},
        "servers": [{"url": "https://obs.example.test"}],
        "paths": {
            "/files/{name}?view=fileinfo": {
                "get": {
                    "operationId": "fileInfo",
                    "parameters": [
                        {"name": "name", "in": "path", "required": True, "schema": {"type": "string"}, "example": "a.rpm"},
                        {"name": "view", "in": "query", "required": True, "schema": {"type": "array", "items": {"type": "string", "enum": ["fileinfo", "fileinfo_ext"]}}},
                    ],
                    "responses": {"200": {"description": "ok", "content": {xml: {"schema": info, "example": {"xmlns": "http://example.test/ns", "name": "a.rpm", "subnetIds": ["s1"], "tagSet": [{"key": "k"}]}}}}},
                }
            },
            "/files/{name}/again": {
                "get": {
                    "operationId": "fileInfoAgain",
                    "parameters": [{"name": "name", "in": "path", "required": True, "schema": {"type": "string"}, "example": "a.rpm"}],
                    "responses": {"200": {"$ref": "#/paths/~1files~1{name}?view=fileinfo/get/responses/200"}},
                }
            },
        },
    }
    out = generate(tmp_path, document, "obs")
    assert_generated_tests_pass(out, "obs")
    tests = (out / "obs" / "tests" / "test_files.py").read_text()
    assert 'query={"view": ["fileinfo"]}' in tests


def test_an_untagged_union_reads_the_option_the_reply_is_valid_under(tmp_path: Path) -> None:
    """HERE Tracking's device state is `oneOf: [desired, reported]` with no discriminator; its example
    has a `position` whose numbers are strings. Only `desired` (open to unknown properties) takes it
    as it stands; pydantic's smart mode alone picks `reported`, which sets more fields once "18" is
    converted into a float. The client reads as JSON Schema does, and converts only when no option
    takes the value as it stands."""
    position = {"type": "object", "required": ["accuracy"], "properties": {"accuracy": {"type": "number"}}}
    schemas = {
        "Desired": {"type": "object", "properties": {"payload": {"type": "object"}}},
        "Reported": {"type": "object", "properties": {"payload": {"type": "object"}, "position": position}},
        "Count": {"type": "object", "properties": {"total": {"type": "integer"}}},
    }
    state = {"oneOf": [{"$ref": "#/components/schemas/Desired"}, {"$ref": "#/components/schemas/Reported"}]}
    document = {
        "openapi": "3.0.3",
        "info": {"title": "Shadows", "version": "1"},
        "servers": [{"url": "https://shadows.example.test"}],
        "paths": {
            "/state": {"get": {"operationId": "getState", "responses": {"200": {"description": "ok", "content": {JSON: {"schema": state, "example": {"position": {"accuracy": "18"}}}}}}}},
            "/count": {"get": {"operationId": "getCount", "responses": {"200": {"description": "ok", "content": {JSON: {"schema": {"$ref": "#/components/schemas/Count"}}}}}}},
        },
        "components": {"schemas": schemas},
    }
    out = generate(tmp_path, document, "shadows")
    assert_generated_tests_pass(out, "shadows")
    script = """
import httpx, shadows
replies = {"/state": b'{"position": {"accuracy": "18"}}', "/count": b'{"total": "7"}'}
transport = httpx.MockTransport(lambda request: httpx.Response(200, content=replies[request.url.path], headers={"Content-Type": "application/json"}))
with httpx.Client(transport=transport) as http, shadows.Client(http_client=http) as client:
    state = client.state.get()
    count = client.count.get()
    print(type(state).__name__, state.model_extra, count.total)
"""
    run = subprocess.run([sys.executable, "-c", script], cwd=out, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr[-3000:]
    # the union as JSON Schema reads it; a plain model still converts "7" (no option to choose)
    assert run.stdout.split() == ["Desired", "{'position':", "{'accuracy':", "'18'}}", "7"], run.stdout


def test_an_xml_list_of_objects_without_a_type_reads_back_as_objects(tmp_path: Path) -> None:
    """DigiLocker's certificate: `CertificateData` is a list whose items are `properties: {}` with no
    type. The client types them as objects; its XML reading must agree, so the empty element of an
    empty object reads back as {} (it read as "", and the reply failed to parse)."""
    certificate = {"type": "object", "required": ["CertificateData"], "properties": {"CertificateData": {"type": "array", "items": {"properties": {}}}, "Note": {}}}
    reply = {"description": "ok", "content": {"application/xml": {"schema": {"$ref": "#/components/schemas/Certificate"}}}}
    document = {
        "openapi": "3.0.3",
        "info": {"title": "Locker", "version": "1"},
        "servers": [{"url": "https://locker.example.test"}],
        "paths": {"/certificates/{uri}": {"get": {"operationId": "getCertificate", "parameters": [{"name": "uri", "in": "path", "required": True, "schema": {"type": "string"}}], "responses": {"200": reply}}}},
        "components": {"schemas": {"Certificate": certificate}},
    }
    out = generate(tmp_path, document, "locker")
    assert_generated_tests_pass(out, "locker")
    script = """
import httpx, locker
body = b'<Certificate><CertificateData/><CertificateData><Issuer>x</Issuer></CertificateData><Note>n</Note></Certificate>'
transport = httpx.MockTransport(lambda request: httpx.Response(200, content=body, headers={"Content-Type": "application/xml"}))
with httpx.Client(transport=transport) as http, locker.Client(http_client=http) as client:
    print(client.certificates.get("a").certificate_data)
"""
    run = subprocess.run([sys.executable, "-c", script], cwd=out, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr[-3000:]
    assert run.stdout.strip() == "[{}, {'Issuer': 'x'}]", run.stdout


def test_long_parameter_enums_are_named_once_and_none_is_written_once(tmp_path: Path) -> None:
    """Microsoft Graph: every operation's `$select` is a list of an enum of up to hundreds of property
    names, which each of a resource's six method variants spelled out; such an enum (more than 12
    values) is named once in models.py. And its nullable enums are `anyOf: [$ref enum, {nullable
    object}]`: optional, they were annotated `... | None | None`."""
    names = [f"field{index}" for index in range(20)]
    thing = {"type": "object", "properties": {"presenters": {"anyOf": [{"$ref": "#/components/schemas/Presenters"}, {"type": "object", "nullable": True}]}}}
    select = {"name": "$select", "in": "query", "style": "form", "explode": False, "schema": {"type": "array", "uniqueItems": True, "items": {"type": "string", "enum": names}}}
    few = {"name": "$expand", "in": "query", "style": "form", "explode": False, "schema": {"type": "array", "items": {"type": "string", "enum": ["*", "owner"]}}}
    reply = {"description": "ok", "content": {JSON: {"schema": {"$ref": "#/components/schemas/Thing"}}}}
    document = {
        "openapi": "3.0.3",
        "info": {"title": "Graphish", "version": "1"},
        "servers": [{"url": "https://graphish.example.test"}],
        "paths": {"/things/{id}": {"get": {"operationId": "things.GetThing", "parameters": [{"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}, select, few], "responses": {"200": reply}}}},
        "components": {"schemas": {"Thing": thing, "Presenters": {"type": "string", "enum": ["everyone", "organizer"]}}},
    }
    out = generate(tmp_path, document, "graphish")
    assert_generated_tests_pass(out, "graphish")
    package = out / "graphish"
    resource = (package / "resources" / "things.py").read_text()
    models = (package / "models.py").read_text()
    assert "select: Sequence[models.ThingsGetThingSelectItem] | NotGiven" in resource
    assert '"field19"' not in resource and models.count('"field19"') == 1  # named once
    assert '"owner"' in resource  # a short enum stays where it is read
    assert "None | None" not in models and "presenters: Annotated[Presenters | dict[str, Any] | None, _TypedFirst()]" in models
    checked = subprocess.run([sys.executable, "-m", "mypy", "--strict", "graphish"], cwd=out, capture_output=True, text=True, timeout=600)
    assert checked.returncode == 0, checked.stdout[-3000:]


def test_a_property_whose_wire_name_is_its_python_name_keeps_it(tmp_path: Path) -> None:
    """Airbyte's stream has `jsonSchema` (an object) and requires `json_schema` (undeclared). Models
    read keys by wire name and by Python name, so `jsonSchema`, named `json_schema` first, took the
    key `json_schema` too and failed on its text. The property spelled as its Python name keeps it."""
    stream = {"type": "object", "required": ["name", "json_schema"], "properties": {"jsonSchema": {"type": "object"}, "name": {"type": "string"}}}
    reply = {"description": "ok", "content": {JSON: {"schema": {"$ref": "#/components/schemas/Stream"}, "example": {"name": "users", "json_schema": "draft-07", "jsonSchema": {"type": "object"}}}}}
    document = {
        "openapi": "3.0.3",
        "info": {"title": "Streams", "version": "1"},
        "servers": [{"url": "https://streams.example.test"}],
        "paths": {"/streams": {"post": {"operationId": "createStream", "requestBody": {"required": True, "content": {JSON: {"schema": {"type": "object", "properties": {"stream": {"$ref": "#/components/schemas/Stream"}}}, "example": {"stream": {"name": "users", "json_schema": "draft-07"}}}}}, "responses": {"200": reply}}}},
        "components": {"schemas": {"Stream": stream}},
    }
    api = read_api(document, "streams", WarningSink())
    names = {field.wire_name: field.name for model in api.models if model.name == "Stream" for field in model.fields}
    assert names == {"jsonSchema": "json_schema_2", "name": "name", "json_schema": "json_schema"}
    out = generate(tmp_path, document, "streams")
    assert_generated_tests_pass(out, "streams")


def test_a_schema_whose_only_value_is_null_is_a_type_alias_mypy_reads(tmp_path: Path) -> None:
    """GSMtasks (drf-spectacular): `NullEnum: {enum: [null]}` beside `BlankEnum` in a nullable
    `oneOf`. Written `NullEnum = None`, mypy reads a variable, not a type: 366 errors. Aliases are
    declared `TypeAlias`, and a reply holding null, "" or a known value still parses."""
    schemas = {
        "SourceEnum": {"type": "string", "enum": ["web", "mobile"]},
        "BlankEnum": {"enum": [""]},
        "NullEnum": {"enum": [None]},
        "Task": {"type": "object", "properties": {"source": {"nullable": True, "oneOf": [{"$ref": f"#/components/schemas/{name}"} for name in ("SourceEnum", "BlankEnum", "NullEnum")]}}},
    }
    reply = {"description": "ok", "content": {JSON: {"schema": {"$ref": "#/components/schemas/Task"}, "example": {"source": None}}}}
    document = {
        "openapi": "3.0.3",
        "info": {"title": "Nulls", "version": "1"},
        "servers": [{"url": "https://nulls.example.test"}],
        "paths": {"/tasks/{id}": {"get": {"operationId": "getTask", "parameters": [{"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}], "responses": {"200": reply}}}},
        "components": {"schemas": schemas},
    }
    out = generate(tmp_path, document, "nulls")
    models = (out / "nulls" / "models.py").read_text()
    assert "NullEnum: TypeAlias = None" in models, models
    typed = subprocess.run([sys.executable, "-m", "mypy", "--strict", "nulls"], cwd=out, capture_output=True, text=True, timeout=600)
    assert typed.returncode == 0, typed.stdout[-3000:]
    assert_generated_tests_pass(out, "nulls")


def test_a_walk_whose_cursor_the_document_requires_starts_from_the_given_cursor(tmp_path: Path) -> None:
    """Google Drive's `changes.list` requires `pageToken` (a `startPageToken` fetched first). The
    `iter_` method requires it too; its walk test passed none (mypy: missing argument). The test now
    passes the example's cursor and checks the first request carries it."""
    change = {"type": "object", "properties": {"id": {"type": "string"}}}
    page = {"type": "object", "properties": {"changes": {"type": "array", "items": change}, "nextPageToken": {"type": "string"}}}
    parameters = [{"name": "pageToken", "in": "query", "required": True, "schema": {"type": "string"}, "example": "start-token"}]
    document = {
        "openapi": "3.0.3",
        "info": {"title": "Changes", "version": "1"},
        "servers": [{"url": "https://changes.example.test"}],
        "paths": {"/changes": {"get": {"operationId": "listChanges", "parameters": parameters, "responses": {"200": {"description": "ok", "content": {JSON: {"schema": page}}}}}}},
    }
    out = generate(tmp_path, document, "changes")
    tests = (out / "changes" / "tests" / "test_changes.py").read_text()
    assert "assert first.query[\"pageToken\"] == \"start-token\"" in tests, tests
    typed = subprocess.run([sys.executable, "-m", "mypy", "--strict", "changes"], cwd=out, capture_output=True, text=True, timeout=600)
    assert typed.returncode == 0, typed.stdout[-3000:]
    assert_generated_tests_pass(out, "changes")


def test_a_binary_string_option_of_a_union_reads_as_bytes_in_the_tests_too(tmp_path: Path) -> None:
    """Sinao: `image: oneOf [{format: binary}, {format: uri}]` is `bytes | str`; the client reads the
    JSON string "hello" as the first option, bytes. The test expected the text: a string was no
    value of `bytes` to the test's own fit check."""
    image = {"oneOf": [{"type": "string", "format": "binary"}, {"type": "string", "format": "uri"}]}
    category = {"type": "object", "properties": {"name": {"type": "string"}, "image": image}}
    reply = {"description": "ok", "content": {JSON: {"schema": category, "example": {"name": "shoes", "image": "hello"}}}}
    document = {
        "openapi": "3.0.3",
        "info": {"title": "Catalog", "version": "1"},
        "servers": [{"url": "https://catalog.example.test"}],
        "paths": {"/category": {"get": {"operationId": "getCategory", "responses": {"200": reply}}}},
    }
    out = generate(tmp_path, document, "catalog")
    tests = (out / "catalog" / "tests" / "test_category.py").read_text()
    assert 'image="hello".encode()' in tests, tests
    assert_generated_tests_pass(out, "catalog")
