package fr.formaflow.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.formaflow.platform.BusinessRuleException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 27's webhook SSRF: the address rules, on the classifier itself, over address values built from their bytes
 * (no name resolution, no connection). The URL checks use literals or "localhost" only: nothing leaves the machine.
 */
class WebhookTargetsTest {

    @Test
    void loopbackPrivateLinkLocalMetadataAndReservedAddressesAreRefused() throws UnknownHostException {
        List<InetAddress> refused = List.of(
                v4(127, 0, 0, 1), v4(127, 255, 255, 254), v4(0, 0, 0, 0), v4(0, 1, 2, 3),
                v4(10, 0, 0, 1), v4(10, 255, 255, 255), v4(172, 16, 0, 1), v4(172, 31, 255, 255), v4(192, 168, 1, 1),
                v4(169, 254, 169, 254), v4(169, 254, 0, 1), v4(100, 64, 0, 1), v4(100, 100, 100, 200), v4(100, 127, 255, 255),
                v4(192, 0, 0, 1), v4(192, 0, 2, 1), v4(198, 18, 0, 1), v4(198, 51, 100, 7), v4(203, 0, 113, 9),
                v4(224, 0, 0, 1), v4(239, 255, 255, 250), v4(240, 0, 0, 1), v4(255, 255, 255, 255),
                v6("::1"), v6("::"), v6("fe80::1"), v6("febf::1"), v6("fc00::1"), v6("fd00:ec2::254"), v6("ff02::1"), v6("2001:db8::1"),
                // IPv6 forms of refused IPv4 addresses: mapped, compatible, NAT64, 6to4
                mapped(127, 0, 0, 1), mapped(169, 254, 169, 254), mapped(10, 0, 0, 1), v6("::a9fe:a9fe"), v6("64:ff9b::a9fe:a9fe"),
                v6("64:ff9b::7f00:1"), v6("2002:7f00:1::"), v6("2002:a9fe:a9fe::1"));
        for (InetAddress address : refused) {
            assertThat(WebhookTargets.refusal(address)).as(address.getHostAddress()).isNotNull();
        }
        assertThat(WebhookTargets.refusal(v4(169, 254, 169, 254))).contains("métadonnées");
        assertThat(WebhookTargets.refusal(v4(127, 0, 0, 1))).isEqualTo("adresse de bouclage");
        assertThat(WebhookTargets.refusal(mapped(192, 168, 0, 1))).isEqualTo("adresse de réseau privé");
    }

    @Test
    void publicAddressesAreAllowed() throws UnknownHostException {
        for (InetAddress address : List.of(v4(8, 8, 8, 8), v4(1, 1, 1, 1), v4(172, 32, 0, 1), v4(172, 15, 255, 255),
                v4(100, 128, 0, 1), v4(100, 63, 255, 255), v4(192, 169, 0, 1), v4(169, 253, 1, 1), v4(223, 255, 255, 254),
                v6("2001:4860:4860::8888"), v6("2a00:1450:4007:80c::200e"), mapped(8, 8, 4, 4), v6("64:ff9b::808:808"))) {
            assertThat(WebhookTargets.refusal(address)).as(address.getHostAddress()).isNull();
        }
    }

    @Test
    void aReceiverMustBeHttpsWithoutCredentialsAndOnAPublicAddressOutsideTheDemo() {
        WebhookTargets production = new WebhookTargets(false, false);
        assertThatThrownBy(() -> production.checkRegistration("http://erp.exemple.fr/formaflow")).isInstanceOf(BusinessRuleException.class)
                .hasMessageContaining("en https");
        assertThatThrownBy(() -> production.checkRegistration("ftp://x")).hasMessageContaining("URL complète");
        assertThatThrownBy(() -> production.checkRegistration(null)).hasMessageContaining("URL complète");
        assertThatThrownBy(() -> production.checkRegistration("https://moi:secret@8.8.8.8/hook")).hasMessageContaining("identifiant");
        assertThatThrownBy(() -> production.checkRegistration("https://169.254.169.254/latest/meta-data/")).hasMessageContaining("métadonnées");
        assertThatThrownBy(() -> production.checkRegistration("https://10.0.0.1/hook")).hasMessageContaining("réseau privé");
        assertThatThrownBy(() -> production.checkRegistration("https://[::1]:8443/hook")).hasMessageContaining("bouclage");
        assertThatThrownBy(() -> production.checkRegistration("https://[::ffff:127.0.0.1]/hook")).hasMessageContaining("bouclage");
        assertThatThrownBy(() -> production.checkRegistration("https://localhost:8443/hook")).hasMessageContaining("bouclage");
        assertThat(production.checkRegistration("https://8.8.8.8/hook").getHost()).isEqualTo("8.8.8.8");
        // the demo accepts http, still not to an internal address
        assertThat(new WebhookTargets(true, false).checkRegistration("http://8.8.8.8/hook").getScheme()).isEqualTo("http");
        assertThatThrownBy(() -> new WebhookTargets(true, false).checkRegistration("http://127.0.0.1:8080/engine-rest"))
                .hasMessageContaining("bouclage");
    }

    @Test
    void theResolvedAddressIsCheckedAgainBeforeEachDelivery() {
        // a name registered while public, resolving to loopback now: refused before any connection
        assertThatThrownBy(() -> new WebhookTargets(true, false).checkResolved(URI.create("http://localhost:9/hook")))
                .hasMessageContaining("Formaflow n'envoie pas d'événements à localhost");
        // the tests' own receivers on loopback are allowed only by their setting
        new WebhookTargets(true, true).checkResolved(URI.create("http://localhost:9/hook"));
    }

    private static InetAddress v4(int a, int b, int c, int d) throws UnknownHostException {
        return InetAddress.getByAddress(new byte[] {(byte) a, (byte) b, (byte) c, (byte) d});
    }

    /** An IPv6 literal parsed without name resolution (a literal never goes to DNS). */
    private static InetAddress v6(String literal) throws UnknownHostException {
        InetAddress parsed = InetAddress.getByName(literal);
        return Inet6Address.getByAddress(null, to16(parsed.getAddress()), -1);
    }

    private static InetAddress mapped(int a, int b, int c, int d) throws UnknownHostException {
        return Inet6Address.getByAddress(null, new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff,
                (byte) a, (byte) b, (byte) c, (byte) d}, -1);
    }

    private static byte[] to16(byte[] bytes) {
        if (bytes.length == 16) {
            return bytes;
        }
        return new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, bytes[0], bytes[1], bytes[2], bytes[3]};
    }
}
