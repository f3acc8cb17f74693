import PortcullisReport

/// The one version string: `portcullis --version` and every report carry it.
public enum PortcullisVersion {
    public static let current = Tool.version
    public static let toolName = Tool.name
}
