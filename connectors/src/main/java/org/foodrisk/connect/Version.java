package org.foodrisk.connect;

/** The plugin version shown by the worker. */
final class Version {

    static final String VERSION;

    static {
        String v = Version.class.getPackage() == null ? null : Version.class.getPackage().getImplementationVersion();
        VERSION = v != null ? v : "0.1.0-SNAPSHOT";
    }

    private Version() {
    }
}
