import PortcullisReport

/// The tool's name and its one version string: `portcullis --version` and every report carry it.
public enum ToolInfo {
    /// `Portcullis`.
    public static let name = Tool.name
    /// The release, e.g. `0.6.0` (semantic versioning).
    public static let version = Tool.version
}
