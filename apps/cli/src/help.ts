export const MAIN_HELP = `Usage: nexinid <command> [options]

Commands:
  manifest validate FILE     Validate a feature manifest offline
  manifest publish FILE      Publish a feature manifest to NexinID
  manifest schema            Print the feature manifest JSON Schema

Run \`nexinid <command> --help\` for a command's options.

Exit codes: 0 success (published or unchanged), 1 rejected (invalid manifest,
refused publish), 2 usage or network error.`;

export const MANIFEST_HELP = `Usage: nexinid manifest <validate|publish|schema> [options]

  validate FILE     Validate FILE offline (errors with JSON paths and line numbers)
  publish FILE      Publish FILE as the application's next manifest version
  schema            Print the JSON Schema of feature manifests`;

export const VALIDATE_HELP = `Usage: nexinid manifest validate FILE

Checks FILE against the feature manifest schema and rules (unique feature keys,
unique action keys per feature) without contacting a server. Each error is
printed as FILE:LINE:COLUMN: JSON-PATH MESSAGE.

Exit codes: 0 valid, 1 invalid, 2 usage error or unreadable file.`;

export const PUBLISH_HELP = `Usage: nexinid manifest publish FILE --application KEY [options]

Validates FILE offline, then publishes it as the next manifest version of the
application KEY with a ManifestPublisher client, and prints the diff against
the active manifest. Publishing content equal to the active manifest changes
nothing (exit 0).

Options:
  --application KEY       Application key (required)
  --dry-run               Show what would change; write nothing
  --prune                 Delete role permissions, grants and resource policies
                          that use removed permissions instead of refusing
  --basic                 Send the client id and secret on the publish call
                          (HTTP Basic compatibility path) instead of getting a
                          client-credentials token from /connect/token
  --issuer URL            NexinID issuer URL      (default: $NEXINID_ISSUER)
  --client-id ID          Publisher client id     (default: $NEXINID_CLIENT_ID)
  --client-secret SECRET  Publisher client secret (default: $NEXINID_CLIENT_SECRET;
                          prefer the variable: arguments are visible to others)
  --json                  Print the server's answer as JSON

Exit codes: 0 published or unchanged (or dry run accepted), 1 rejected
(invalid manifest, bad credentials, not allowed, permissions still in use),
2 usage or network error.`;

export const SCHEMA_HELP = `Usage: nexinid manifest schema

Prints the JSON Schema (draft-07) of feature manifests, the one the server
validates with. Exit code 0.`;
