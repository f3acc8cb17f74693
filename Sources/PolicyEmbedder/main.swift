import Foundation

// PolicyEmbedder FOLDER FILE... --output SWIFT_FILE
// PolicyEmbedder --schema TABLE --output SWIFT_FILE
// The first is run by the EmbedPolicies build-tool plugin; the second by `make schema-table`.
let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.count == 4, arguments[0] == "--schema", arguments[2] == "--output" {
    exit(SchemaEmbedding.main(table: arguments[1], output: arguments[3]))
}
exit(PolicyEmbedding.main(arguments))
