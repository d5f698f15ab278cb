package app.khobor.telegram;

import app.khobor.infra.DaemonThreads;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/**
 * OkHttp clients for the Bot API. The library's execute() goes through OkHttp's async dispatcher, whose default
 * threads are non-daemon and idle for 60 s, keeping the JVM alive after shutdown; and its default of 5 concurrent
 * calls per host would cap a broadcast. So we supply our own daemon executor and generous limits.
 */
final class HttpClients {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final int MAX_CONCURRENT_CALLS = 256;

    private HttpClients() {}

    static OkHttpClient create(String threadPrefix, Duration readTimeout, LastAnswer answers) {
        Dispatcher dispatcher = new Dispatcher(executor(threadPrefix));
        dispatcher.setMaxRequests(MAX_CONCURRENT_CALLS);
        dispatcher.setMaxRequestsPerHost(MAX_CONCURRENT_CALLS);
        return new OkHttpClient.Builder()
                .dispatcher(dispatcher)
                .connectionPool(new ConnectionPool(64, 5, TimeUnit.MINUTES))
                .connectTimeout(CONNECT_TIMEOUT)
                .readTimeout(readTimeout)
                .writeTimeout(Duration.ofSeconds(30))
                .addInterceptor(answers)
                .build();
    }

    /** Aborts calls in flight (a held getUpdates included) and stops the client's threads. */
    static void shutdown(OkHttpClient client) {
        client.dispatcher().cancelAll();
        client.dispatcher().executorService().shutdownNow();
        client.connectionPool().evictAll();
    }

    private static ExecutorService executor(String prefix) {
        return new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(),
                DaemonThreads.numbered(prefix));
    }
}
