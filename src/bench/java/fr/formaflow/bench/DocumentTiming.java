package fr.formaflow.bench;

import fr.formaflow.documents.DossierPapers;
import org.aopalliance.intercept.MethodInterceptor;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * The time each thread spends in {@link DossierPapers} (rendering a dossier's PDFs and storing them), so that the
 * lifecycle benchmark can report document generation apart from the rest of the work.
 */
final class DocumentTiming implements BeanPostProcessor {

    private static final ThreadLocal<long[]> NANOS = ThreadLocal.withInitial(() -> new long[1]);

    /** Nanoseconds this thread has spent generating documents so far. */
    static long nanos() {
        return NANOS.get()[0];
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (!(bean instanceof DossierPapers)) {
            return bean;
        }
        ProxyFactory proxy = new ProxyFactory(bean);
        proxy.setProxyTargetClass(true);
        proxy.addAdvice((MethodInterceptor) invocation -> {
            long start = System.nanoTime();
            try {
                return invocation.proceed();
            } finally {
                NANOS.get()[0] += System.nanoTime() - start;
            }
        });
        return proxy.getProxy();
    }
}
