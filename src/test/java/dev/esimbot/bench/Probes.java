package dev.esimbot.bench;

import dev.esimbot.billing.BillingClient;
import dev.esimbot.conversation.Conversation;
import dev.esimbot.conversation.Messenger;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Measures from outside the main code by wrapping beans in class proxies: {@link Conversation#handle} is timed per
 * update (lock to unlock, on the worker thread that ran it), and the time spent in three parts of a turn is summed:
 * billing calls, the state machine, and the Telegram client behind the {@link Messenger}. The parts never nest in
 * one another, so what the handling time has beyond them is the rest: Redis, rendering, texts, the pipeline.
 * One interceptor call per wrapped call is all the proxies add to the measured path.
 */
final class Probes implements BeanPostProcessor {

    /** Parts of a turn whose time is summed. */
    enum Part {
        BILLING, STATE_MACHINE, TELEGRAM
    }

    /** Where the handling times go; {@link Recorder#NONE} during warm-up. */
    interface Recorder {
        Recorder NONE = (start, end) -> {
        };

        void handled(long startNanos, long endNanos);
    }

    private final LongAdder billingCalls = new LongAdder();
    private final Map<Part, LongAdder> nanos = new EnumMap<>(Part.class);
    private volatile Recorder recorder = Recorder.NONE;

    Probes() {
        for (Part part : Part.values()) {
            nanos.put(part, new LongAdder());
        }
    }

    void recordTo(Recorder recorder) {
        this.recorder = recorder;
    }

    long billingCalls() {
        return billingCalls.sum();
    }

    long nanos(Part part) {
        return nanos.get(part).sum();
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
                billingCalls.increment();
                return timed(Part.BILLING, invocation);
            });
        }
        if (bean instanceof Messenger) {
            return proxy(bean, invocation -> timed(Part.TELEGRAM, invocation));
        }
        if (bean.getClass().getName().equals("dev.esimbot.conversation.JourneyMachine")) { // package-private
            return proxy(bean, invocation -> timed(Part.STATE_MACHINE, invocation));
        }
        return bean;
    }

    private Object timed(Part part, MethodInvocation invocation) throws Throwable {
        long start = System.nanoTime();
        try {
            return invocation.proceed();
        } finally {
            nanos.get(part).add(System.nanoTime() - start);
        }
    }

    private static Object proxy(Object target, MethodInterceptor interceptor) {
        ProxyFactory factory = new ProxyFactory(target);
        factory.setProxyTargetClass(true);
        factory.addAdvice(interceptor);
        return factory.getProxy(target.getClass().getClassLoader());
    }
}
