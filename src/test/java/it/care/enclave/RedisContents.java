package it.care.enclave;

import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/** Every key and value in the IT server's embedded Redis, of every type, as text for the leak scan. */
final class RedisContents {

    private RedisContents() {
    }

    static RedisClient connect() {
        Properties config = ItServer.redisConfig();
        return RedisClient.builder()
                .hostAndPort(new HostAndPort("127.0.0.1", Integer.parseInt(config.getProperty("port"))))
                .clientConfig(DefaultJedisClientConfig.builder().password(config.getProperty("requirepass")).build())
                .build();
    }

    /** One line per key: the key, then its value or members (binary values decoded as UTF-8 where they can be). */
    static String dump() {
        StringBuilder text = new StringBuilder();
        try (RedisClient redis = connect()) {
            String cursor = ScanParams.SCAN_POINTER_START;
            do {
                ScanResult<byte[]> page = redis.scan(cursor.getBytes(StandardCharsets.US_ASCII), new ScanParams().count(500));
                for (byte[] key : page.getResult()) {
                    text.append(utf8(key)).append('\t');
                    values(redis, key).forEach(v -> text.append(utf8(v)).append('\t'));
                    text.append('\n');
                }
                cursor = page.getCursor();
            } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
        }
        return text.toString();
    }

    private static List<byte[]> values(RedisClient redis, byte[] key) {
        String type = redis.type(key);
        List<byte[]> values = new ArrayList<>();
        switch (type) {
            case "string" -> values.add(redis.get(key));
            case "hash" -> redis.hgetAll(key).forEach((field, value) -> {
                values.add(field);
                values.add(value);
            });
            case "list" -> values.addAll(redis.lrange(key, 0, -1));
            case "set" -> values.addAll(redis.smembers(key));
            case "zset" -> values.addAll(redis.zrange(key, 0, -1));
            case "stream" -> redis.xrange(utf8(key), "-", "+").forEach(entry ->
                    values.add(entry.getFields().toString().getBytes(StandardCharsets.UTF_8)));
            case "none" -> { }
            default -> throw new IllegalStateException("The leak scan cannot read Redis type " + type);
        }
        return values;
    }

    private static String utf8(byte[] bytes) {
        return bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8);
    }
}
