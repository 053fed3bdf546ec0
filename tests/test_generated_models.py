"""Generated models behave as promised: tagged unions, open enums, aliases, unset vs null."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.conftest import minimal_spec, run_cli, write_spec

SPEC = minimal_spec(
    paths={
        "/pets": {
            "post": {
                "operationId": "createPet",
                "tags": ["pets"],
                "requestBody": {"required": True, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Pet"}}}},
                "responses": {"200": {"description": "ok", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Pet"}}}}},
            }
        }
    },
    components={
        "schemas": {
            "Cat": {"type": "object", "required": ["petType"], "properties": {"petType": {"type": "string"}, "lives": {"type": "integer"}}},
            "Dog": {"type": "object", "required": ["petType"], "properties": {"petType": {"type": "string"}, "goodBoy": {"type": "boolean"}}},
            "Pet": {
                "oneOf": [{"$ref": "#/components/schemas/Cat"}, {"$ref": "#/components/schemas/Dog"}],
                "discriminator": {"propertyName": "petType", "mapping": {"cat": "#/components/schemas/Cat", "dog": "#/components/schemas/Dog"}},
            },
            "Owner": {
                "type": "object",
                "properties": {
                    "id": {"type": "string", "readOnly": True},
                    "firstName": {"type": "string"},
                    "nickname": {"type": ["string", "null"]},
                    "status": {"type": "string", "enum": ["active", "gone"]},
                    "since": {"type": "string", "format": "date-time"},
                    "pet": {"$ref": "#/components/schemas/Pet"},
                },
            },
        }
    },
)

SCRIPT = """
import datetime, pydantic
from zoo import models
from zoo._models import to_wire

pets = pydantic.TypeAdapter(models.Pet)
cat = pets.validate_python({"petType": "cat", "lives": 9})
dog = pets.validate_python({"petType": "dog", "goodBoy": True})
assert type(cat).__name__ == "Cat" and cat.lives == 9, cat
assert type(dog).__name__ == "Dog" and dog.good_boy is True, dog
unknown = pets.validate_python({"petType": "parrot", "words": 3})
assert unknown == {"petType": "parrot", "words": 3}, unknown

owner = models.Owner.model_validate({"id": "o1", "firstName": "Ann", "status": "retired", "since": "2024-01-02T03:04:05Z", "x-new": 1,
                                     "pet": {"petType": "dog", "goodBoy": False}})
assert owner.status == "retired" and owner.first_name == "Ann"
assert owner.since == datetime.datetime(2024, 1, 2, 3, 4, 5, tzinfo=datetime.timezone.utc)
assert type(owner.pet).__name__ == "Dog"
assert owner.model_extra == {"x-new": 1}

update = models.Owner(first_name="Bea", nickname=None)
assert to_wire(update) == {"firstName": "Bea", "nickname": None}, to_wire(update)
assert to_wire(owner)["firstName"] == "Ann" and "id" not in to_wire(owner)
print("ok")
"""


def test_generated_models_behaviour(tmp_path: Path) -> None:
    spec = write_spec(tmp_path, SPEC)
    out = tmp_path / "out"
    result = run_cli("generate", str(spec), "--package", "zoo", "--out", str(out), "-q")
    assert result.returncode == 0, result.stderr
    run = subprocess.run([sys.executable, "-c", SCRIPT], cwd=out, capture_output=True, text=True, timeout=60)
    assert run.returncode == 0 and run.stdout.strip() == "ok", run.stderr
