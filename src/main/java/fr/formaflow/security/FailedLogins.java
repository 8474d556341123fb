package fr.formaflow.security;

import java.time.Duration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.WritableIdentityProvider;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Wrong passwords slow an account down but never lock it for good (issue 27: anyone could lock any account with ten
 * wrong passwords). Camunda's login delay stays (3 s, doubled at each failure, at most {@code login-delay-max-time});
 * its permanent lock-out is switched off ({@code login-max-attempts} in application.yaml is out of reach), so a lock
 * always ends by itself. Each counted failure is announced as a {@link FailedLogin} (account.FailedLoginAlerts tells
 * the owner and the operators); guessing is also slowed per client address ({@link LoginThrottle}).
 */
@Configuration
public class FailedLogins extends AbstractProcessEnginePlugin {

    /** A wrong password counted against an account, inside the engine's command: a listener must not throw. */
    public record FailedLogin(String userId, String email, int attemptsInARow, String clientAddress) {
    }

    private final ApplicationEventPublisher events;

    public FailedLogins(ApplicationEventPublisher events) {
        this.events = events;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setIdentityProviderSessionFactory(new SessionFactory() {
            @Override
            public Class<?> getSessionType() {
                return WritableIdentityProvider.class;
            }

            @Override
            public Session openSession() {
                return new AnnouncingIdentityProvider(events);
            }
        });
    }

    @Bean
    FilterRegistrationBean<LoginThrottle> loginThrottle(@Value("${formaflow.login.max-failures-per-address:30}") int maxFailures,
                                                        @Value("${formaflow.login.address-window:PT10M}") Duration window) {
        FilterRegistrationBean<LoginThrottle> registration = new FilterRegistrationBean<>(new LoginThrottle(maxFailures, window));
        registration.setName("login-throttle");
        registration.addUrlPatterns("/*");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
        return registration;
    }

    /** Camunda's database identity provider, announcing each counted failure. */
    static final class AnnouncingIdentityProvider extends DbIdentityServiceProvider {

        private final ApplicationEventPublisher events;

        AnnouncingIdentityProvider(ApplicationEventPublisher events) {
            this.events = events;
        }

        @Override
        protected void lockUser(UserEntity user) {
            super.lockUser(user);
            events.publishEvent(new FailedLogin(user.getId(), user.getEmail(), user.getAttempts(), LoginThrottle.currentAddress()));
        }
    }
}
