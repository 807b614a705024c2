package dev.sandpiper.connect;

/** The plugin's version, from its jar's manifest ({@code Implementation-Version}), as Connect lists plugins. */
final class PluginVersion {
    private PluginVersion() {
    }

    static String get() {
        String v = PluginVersion.class.getPackage().getImplementationVersion();
        return v == null ? "unknown" : v;
    }
}
