package dev.esimbot.bench;

import dev.esimbot.billing.BillingClient;
import dev.esimbot.conversation.Conversation;
import java.util.concurrent.atomic.AtomicLong;
import org.aopalliance.intercept.MethodInterceptor;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Measures from outside the main code: wraps the {@link Conversation} bean to time each {@code handle} (one update,
 * lock to unlock, on the worker thread that ran it) and the {@link BillingClient} bean to count billing calls.
 * A class proxy is the one thing added to the measured path: one interceptor call per update and per billing call.
 */
final class Probes implements BeanPostProcessor {

    private final AtomicLong billingCalls = new AtomicLong();
    private volatile Recorder recorder = Recorder.NONE;

    /** Where the handling times go; {@link Recorder#NONE} during warm-up. */
    interface Recorder {
        Recorder NONE = (start, end) -> {
        };

        void handled(long startNanos, long endNanos);
    }

    void recordTo(Recorder recorder) {
        this.recorder = recorder;
    }

    long billingCalls() {
        return billingCalls.get();
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof Conversation) {
            return proxy(bean, invocation -> {
                long start = System.nanoTime();
                try {
                    return invocation.proceed();
                } finally {
                    if ("handle".equals(invocation.getMethod().getName())) {
                        recorder.handled(start, System.nanoTime());
                    }
                }
            });
        }
        if (bean instanceof BillingClient) {
            return proxy(bean, invocation -> {
                billingCalls.incrementAndGet();
                return invocation.proceed();
            });
        }
        return bean;
    }

    private static Object proxy(Object target, MethodInterceptor interceptor) {
        ProxyFactory factory = new ProxyFactory(target);
        factory.setProxyTargetClass(true);
        factory.addAdvice(interceptor);
        return factory.getProxy(target.getClass().getClassLoader());
    }
}
