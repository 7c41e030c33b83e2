package io.netcr.model.json;

/** The JSON field names that are a contract (docs/json.md); one place so writer and reader agree. */
final class JsonFields {
    static final String FORMAT_NAME = "netcr-snapshot";
    static final int VERSION = 1;

    static final String FORMAT = "format";
    static final String VERSION_FIELD = "version";
    static final String SOURCE = "source";
    static final String NAMESPACES = "namespaces";
    static final String DIAGNOSTICS = "diagnostics";

    static final String KIND = "kind";
    static final String HOST = "host";
    static final String KERNEL = "kernel";
    static final String TIME = "time";
    static final String PATH = "path";
    static final String TOOL = "tool";

    static final String ID = "id";
    static final String NAMES = "names";
    static final String PIDS = "pids";
    static final String HOLDERS = "holders";
    static final String PID = "pid";
    static final String COMMAND = "command";
    static final String INIT = "init";
    static final String DEVICES = "devices";
    static final String ROUTES = "routes";
    static final String PROPERTIES = "properties";

    static final String IFINDEX = "ifindex";
    static final String NAME = "name";
    static final String MAC = "mac";
    static final String MTU = "mtu";
    static final String UP = "up";
    static final String OPERSTATE = "operstate";
    static final String MASTER = "master";
    static final String PEER = "peer";
    static final String PARENT = "parent";
    static final String NAMESPACE = "namespace";
    static final String ADDRESSES = "addresses";
    static final String SKIPPED = "skipped";
    static final String CONFIG = "config";
    static final String ADDR_GEN_MODE = "addr_gen_mode";
    static final String DATA = "data";

    static final String FAMILY = "family";
    static final String ADDRESS = "address";
    static final String PREFIXLEN = "prefixlen";
    static final String SCOPE = "scope";
    static final String FLAGS = "flags";
    static final String LABEL = "label";

    static final String DST = "dst";
    static final String GATEWAY = "gateway";
    static final String DEV = "dev";
    static final String METRIC = "metric";
    static final String PROTOCOL = "protocol";
    static final String TYPE = "type";
    static final String PREFSRC = "prefsrc";

    static final String CODE = "code";
    static final String SEVERITY = "severity";
    static final String SUBJECT = "subject";
    static final String PHASE = "phase";
    static final String MESSAGE = "message";
    static final String KERNEL_MESSAGE = "kernel_message";

    private JsonFields() {
    }
}
