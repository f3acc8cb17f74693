/// Which compiled policies a run uses, and how they are set up.
public struct PolicyOptions: Sendable, Hashable {
    /// Opt-in policies (or whole packs, by their first id segment: `images`) to turn on.
    public var enable: [String]
    /// Policies or packs to turn off.
    public var disable: [String]
    /// When set, exactly these policies or packs (opt-in ones included), minus `disable`.
    public var only: [String]?
    /// Every policy, opt-in ones included.
    public var all: Bool
    /// Severity overrides by policy id or pack (an id wins over its pack).
    public var severities: [String: Severity]
    /// Parameter values (a configuration file's `parameters:`).
    public var parameters: [String: ParameterValue]
    /// Parameter values as command-line text (`--param allowed_images=a,b`); they win over
    /// `parameters`. Lists are comma-separated or JSON, mappings JSON.
    public var parameterTexts: [String: String]
    /// Policy expressions nested deeper than this are an error (`policy.too-deep`); default 64.
    public var maxNesting = 64
    /// PCRE2's match limit for every pattern, those from parameters and manifests too; a match
    /// that reaches it is an error (`engine.regex-limit`) at the value. Default 1,000,000.
    public var regexMatchLimit = 1_000_000
    /// Where parameters and policy names were written (a configuration file), for located errors.
    var parameterOrigins: [String: SourceRange] = [:]
    var nameOrigins: [String: SourceRange] = [:]

    /// Options; everything left out keeps its default.
    public init(enable: [String] = [], disable: [String] = [], only: [String]? = nil, all: Bool = false,
                severities: [String: Severity] = [:], parameters: [String: ParameterValue] = [:], parameterTexts: [String: String] = [:]) {
        self.enable = enable
        self.disable = disable
        self.only = only
        self.all = all
        self.severities = severities
        self.parameters = parameters
        self.parameterTexts = parameterTexts
    }

    /// The defaults: every policy enabled by default, parameters as the policies declare them.
    public static let defaults = PolicyOptions()
}
