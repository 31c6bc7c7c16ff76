// placeholder, replaced by the model
public enum TownsCoreVersion { public static let string = "0.1.0" }
