package care.enclave.audit.control;

import care.enclave.audit.api.AuditUnavailable;
import care.enclave.platform.redis.RedisConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisException;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The trail in Redis: a list of sealed entries ({@code {audit}:log}, position n holds sequence number n)
 * and the sealed chain head ({@code {audit}:head}). An append is one Lua script, atomic in Redis and in its
 * append-only file: it adds the entries and moves the head only if the head is still the one the writer
 * chained from (compare-and-set), so several replicas sharing one Redis extend one chain without forking
 * it. The key names identify nothing; the braces keep both keys in one Redis Cluster slot.
 */
@ApplicationScoped
public class AuditLog {

    static final byte[] LOG = "{audit}:log".getBytes(StandardCharsets.US_ASCII);
    static final byte[] HEAD = "{audit}:head".getBytes(StandardCharsets.US_ASCII);

    private static final byte[] APPEND = script("""
            local head = redis.call('GET', KEYS[2]) or ''
            if head ~= ARGV[1] then return 0 end
            redis.call('RPUSH', KEYS[1], unpack(ARGV, 3))
            redis.call('SET', KEYS[2], ARGV[2])
            return 1""");
    private static final byte[] STATE = script("""
            return {redis.call('GET', KEYS[2]) or '', redis.call('LLEN', KEYS[1])}""");

    @Inject
    RedisConnection redis;

    /** The head and the number of entries, read together. */
    public record State(byte[] head, long length) {

        public boolean hasHead() {
            return head.length > 0;
        }
    }

    /** A log over a connection outside the container (tests, tools). */
    public static AuditLog over(RedisConnection connection) {
        AuditLog log = new AuditLog();
        log.redis = connection;
        return log;
    }

    /**
     * @param expectedHead the head the entries were chained from (empty: no head yet)
     * @return false when the head has moved since (another writer appended): nothing was written
     */
    public boolean append(byte[] expectedHead, byte[] newHead, List<byte[]> entries) {
        List<byte[]> args = new ArrayList<>(entries.size() + 2);
        args.add(expectedHead);
        args.add(newHead);
        args.addAll(entries);
        Object result = redis(() -> redis.client().eval(APPEND, List.of(LOG, HEAD), args));
        return Long.valueOf(1).equals(result);
    }

    public State state() {
        List<?> result = (List<?>) redis(() -> redis.client().eval(STATE, List.of(LOG, HEAD), List.of()));
        return new State((byte[]) result.get(0), (Long) result.get(1));
    }

    /** Entries at positions {@code from..to} (1-based, inclusive), as stored. */
    public List<byte[]> range(long from, long to) {
        return redis(() -> redis.client().lrange(LOG, from - 1, to - 1));
    }

    private <T> T redis(Supplier<T> command) {
        try {
            return command.get();
        } catch (JedisConnectionException e) {
            redis.discardIdleConnections();
            throw new AuditUnavailable("Redis cannot be reached");
        } catch (JedisException e) {
            throw new AuditUnavailable("Redis refused the command");
        }
    }

    private static byte[] script(String lua) {
        return lua.getBytes(StandardCharsets.UTF_8);
    }
}
