import Foundation

// PolicyEmbedder FOLDER FILE... --output SWIFT_FILE
// Run by the EmbedPolicies build-tool plugin, never by hand.
exit(PolicyEmbedding.main(Array(CommandLine.arguments.dropFirst())))
