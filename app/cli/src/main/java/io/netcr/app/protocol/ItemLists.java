package io.netcr.app.protocol;

import io.netcr.model.Errno;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@link Items} one request has received so far, by list, until the message that closes them takes them.
 * Bounded: a list may not grow past {@link Protocol#MAX_ITEMS} times sixteen items (a plan of the largest
 * snapshot the image format allows stays below).
 */
public final class ItemLists {

    static final long MAX_PER_LIST = Protocol.MAX_ITEMS * 16L;

    private final long id;
    private final Map<String, List<Map<String, Object>>> lists = new HashMap<>();

    public ItemLists(long id) {
        this.id = id;
    }

    public void add(Items part) throws ProtocolException {
        List<Map<String, Object>> list = lists.computeIfAbsent(part.list(), k -> new ArrayList<>());
        if (list.size() + part.items().size() > MAX_PER_LIST) {
            throw new ProtocolException(Errno.E2BIG, id, "list '" + JsonValues.shorten(part.list()) + "' grows past "
                    + MAX_PER_LIST + " items");
        }
        list.addAll(part.items());
    }

    /** The list, which must have exactly the size {@code counts} gives it (0 when it gives none). */
    public List<Fields> take(String list, Map<String, Long> counts, String what) throws ProtocolException {
        List<Map<String, Object>> got = lists.remove(list);
        int size = got == null ? 0 : got.size();
        long expected = counts.getOrDefault(list, 0L);
        if (size != expected) {
            throw new ProtocolException(Errno.EBADMSG, id, "list '" + list + "' should have " + expected
                    + " items; " + size + " arrived");
        }
        return got == null ? List.of() : got.stream().map(m -> new Fields(m, what)).toList();
    }
}
