/// The JSON Schema of a learner's exported progress record (`RecordFormat`), written by every
/// build to `progress-record.schema.json` and documented in the README.
public enum ProgressRecordSchema {
    public static let fileName = "progress-record.schema.json"

    public static var json: String { #"""
    {
      "$schema": "http://json-schema.org/draft-07/schema#",
      "$id": "progress-record.schema.json",
      "title": "Meridian progress record",
      "description": "A learner's progress in one Meridian course, exported from the course site. Self-reported: `meridian records verify` regrades the answers against the course's answer key.",
      "type": "object",
      "required": ["format", "formatVersion", "course", "learner", "exportedAt", "modules", "scenarios", "completed", "verificationCode", "statements"],
      "additionalProperties": false,
      "properties": {
        "format": { "const": "\#(RecordFormat.name)" },
        "formatVersion": { "const": \#(RecordFormat.version) },
        "course": {
          "type": "object",
          "required": ["id", "version", "contentHash"],
          "additionalProperties": false,
          "properties": {
            "id": { "type": "string", "minLength": 1, "description": "The course's IRI (course.yaml `id`), also its xAPI activity id." },
            "title": { "type": "string" },
            "version": { "type": "string", "minLength": 1 },
            "language": { "type": "string", "minLength": 1, "description": "The language the learner last used the course in (a BCP 47 tag). Answers are positions, so they grade alike in every language." },
            "contentHash": { "type": "string", "pattern": "^sha256:[0-9a-f]{64}$", "description": "Hash of every question and its answer in the record's language: names the edition of the answer key." }
          }
        },
        "learner": {
          "type": "object",
          "required": ["name", "employeeId"],
          "additionalProperties": false,
          "properties": {
            "name": { "type": "string", "maxLength": 200 },
            "employeeId": { "type": "string", "maxLength": 100 }
          }
        },
        "exportedAt": { "type": "string", "format": "date-time" },
        "modules": {
          "type": "array",
          "items": {
            "type": "object",
            "required": ["slug", "status", "answers"],
            "additionalProperties": false,
            "properties": {
              "slug": { "type": "string", "pattern": "^[a-z0-9-]+$" },
              "status": { "enum": [\#(quoted(ModuleStatus.allCases.map(\.rawValue)))] },
              "firstVisitedAt": { "type": ["string", "null"], "format": "date-time" },
              "completedAt": { "type": ["string", "null"], "format": "date-time" },
              "score": { "type": ["number", "null"], "minimum": 0, "maximum": 1, "description": "Correct answers ÷ the module's questions, on the latest answers." },
              "passed": { "type": ["boolean", "null"] },
              "attempts": { "type": ["integer", "null"], "minimum": 0 },
              "answers": {
                "type": "object",
                "description": "Question id → the response in the xAPI response-pattern form, positions 1-based as written in the source: \"2\", \"1[,]3\", \"true\", \"3[,]1[,]2\", \"1[.]2[,]2[.]1\".",
                "propertyNames": { "pattern": "^[a-z0-9-]+$" },
                "additionalProperties": { "type": "string", "maxLength": 2000 }
              },
              "firstAnswers": {
                "type": "object",
                "description": "Question id → the first response the learner gave, for the trainers' item analysis. Not a claim: nothing is graded from it.",
                "propertyNames": { "pattern": "^[a-z0-9-]+$" },
                "additionalProperties": { "type": "string", "maxLength": 2000 }
              }
            }
          }
        },
        "scenarios": {
          "type": "array",
          "items": {
            "type": "object",
            "required": ["id", "path"],
            "additionalProperties": false,
            "properties": {
              "id": { "type": "string" },
              "path": { "type": "array", "items": { "type": "string" }, "description": "The steps visited, from the start to the ending." },
              "replies": { "type": "array", "items": { "type": "integer", "minimum": 1 }, "description": "The reply taken at each step, 1-based as written in the source; the score is regraded from these. Records made before replies were recorded have none." },
              "score": { "type": ["number", "null"], "minimum": 0, "maximum": 1 },
              "ending": { "enum": [\#(quoted(Scenario.Ending.allCases.map(\.rawValue))), null] }
            }
          }
        },
        "completed": { "type": "boolean" },
        "completedAt": { "type": ["string", "null"], "format": "date-time" },
        "verificationCode": { "type": "string", "pattern": "^[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}$" },
        "seed": { "type": "integer", "minimum": 0, "maximum": 4294967295, "description": "Orders the options this learner is shown, so that an import shows them as they were; not a claim." },
        "statements": {
          "type": "array",
          "description": "The same facts as xAPI 1.0.3 statements (answered, passed or failed, completed, a scenario played), with name-based ids.",
          "items": { "type": "object" }
        }
      }
    }

    """# }

    private static func quoted(_ words: [String]) -> String {
        words.map { "\"\($0)\"" }.joined(separator: ", ")
    }
}
