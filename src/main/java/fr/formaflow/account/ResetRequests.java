package fr.formaflow.account;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * "Mot de passe oublié" answered the same way, in the same time, whether an account exists (issue 27: a known
 * address took 6–12 ms, an unknown one 2–4 ms, the time of the link and the e-mail). The request thread only checks the
 * shape of what was typed and queues the request; the look-up, the link and the e-mail are done by one background
 * thread, in order. A full queue (1 000 requests: the public endpoints are rate-limited well below) drops the request
 * with a warning, as an unknown address would.
 */
@Component
public class ResetRequests implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ResetRequests.class);

    private final Accounts accounts;
    private final ThreadPoolExecutor worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(1000),
            runnable -> {
                Thread thread = new Thread(runnable, "password-resets");
                thread.setDaemon(true);
                return thread;
            },
            (runnable, executor) -> log.warn("Password reset request dropped: {} requests waiting", executor.getQueue().size()));

    public ResetRequests(Accounts accounts) {
        this.accounts = accounts;
    }

    /** Checks the shape of the login or address (a French 4xx), then queues the reset; answers before it is done. */
    public void request(String loginOrEmail) {
        String key = Accounts.resetKey(loginOrEmail);
        worker.execute(() -> {
            try {
                accounts.requestReset(key);
            } catch (RuntimeException e) {
                log.warn("Password reset request failed: {}", e.toString());
            }
        });
    }

    /** Waits until every request queued so far is done (tests). */
    public void awaitQueued(Duration timeout) {
        try {
            worker.submit(() -> { }).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Password reset requests still queued after " + timeout, e);
        }
    }

    @Override
    public void destroy() {
        worker.shutdown();
    }
}
