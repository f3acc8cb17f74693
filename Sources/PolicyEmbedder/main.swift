import Foundation

// PolicyEmbedder FOLDER FILE... --output SWIFT_FILE
// PolicyEmbedder --schema TABLE --output SWIFT_FILE
// Run by the EmbedPolicies and EmbedSchema build-tool plugins, never by hand.
let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.count == 4, arguments[0] == "--schema", arguments[2] == "--output" {
    exit(SchemaEmbedding.main(table: arguments[1], output: arguments[3]))
}
exit(PolicyEmbedding.main(arguments))
