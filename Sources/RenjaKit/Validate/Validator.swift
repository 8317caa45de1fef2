/// Runs every figure check on a loaded site. (Checks are added one file per family.)
public enum Validator {
    public static func run(_ site: Site) -> [Diagnostic] {
        []
    }
}
