package fr.formaflow.events;

import fr.formaflow.platform.BusinessRuleException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where Formaflow may send events (issue 27: webhooks reached loopback, link-local and cloud-metadata addresses and
 * the delivery log reported their answers). A receiver's address must be public: loopback, unspecified, private
 * (RFC 1918, IPv6 unique-local), shared (RFC 6598, which holds some clouds' metadata), link-local (169.254/16 with the
 * metadata service, fe80::/10), multicast, benchmark, documentation and reserved ranges are refused, as are IPv6
 * forms embedding one of them (IPv4-mapped, NAT64, 6to4). The rule is checked when a receiver is registered and again
 * on the resolved addresses before each delivery (a name may be pointed elsewhere later); deliveries follow no
 * redirect. Outside the demo profile the URL must be https.
 *
 * <p>{@code formaflow.webhooks.allow-loopback} exists for the tests' local receivers only.
 */
@Component
public class WebhookTargets {

    private final boolean allowHttp;
    private final boolean allowLoopback;

    public WebhookTargets(@Value("${formaflow.webhooks.allow-http:false}") boolean allowHttp,
                          @Value("${formaflow.webhooks.allow-loopback:false}") boolean allowLoopback) {
        this.allowHttp = allowHttp;
        this.allowLoopback = allowLoopback;
    }

    /** Checks a receiver's URL when it is registered: its form, then every address its host resolves to. */
    public URI checkRegistration(String raw) {
        String url = raw == null ? "" : raw.trim();
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            uri = null;
        }
        String scheme = uri == null || uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri == null || uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http")) || url.length() > 2000) {
            throw new BusinessRuleException("L'adresse du destinataire doit être une URL complète en http ou https, par exemple https://erp.exemple.fr/formaflow.");
        }
        if (!allowHttp && !scheme.equals("https")) {
            throw new BusinessRuleException("L'adresse du destinataire doit être en https, par exemple https://erp.exemple.fr/formaflow.");
        }
        if (uri.getUserInfo() != null) {
            throw new BusinessRuleException("L'adresse du destinataire ne doit pas contenir d'identifiant ni de mot de passe.");
        }
        checkResolved(uri);
        return uri;
    }

    /** Checks again, before a delivery, every address the receiver's host resolves to now. */
    public void checkResolved(URI uri) {
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            throw new BusinessRuleException("Le serveur « " + uri.getHost() + " » du destinataire est introuvable.");
        }
        for (InetAddress address : addresses) {
            String refusal = refusal(address);
            if (refusal != null && !(allowLoopback && address.isLoopbackAddress())) {
                throw new BusinessRuleException("Formaflow n'envoie pas d'événements à " + uri.getHost() + " (" + address.getHostAddress()
                        + ") : " + refusal + ". Indiquez l'adresse publique du destinataire.");
            }
        }
    }

    /** Why Formaflow sends nothing to this address (in French), or null for a public address. No network is used. */
    public static String refusal(InetAddress address) {
        if (address instanceof Inet6Address v6) {
            byte[] b = v6.getAddress();
            Inet4Address embedded = embeddedIpv4(b);
            if (embedded != null) {
                return refusal(embedded);
            }
            int first = b[0] & 0xff;
            if (address.isLoopbackAddress()) return "adresse de bouclage";
            if (address.isAnyLocalAddress()) return "adresse non spécifiée";
            if (address.isLinkLocalAddress()) return "adresse de lien local";
            if (address.isSiteLocalAddress() || (first & 0xfe) == 0xfc) return "adresse de réseau privé";
            if (address.isMulticastAddress()) return "adresse de multidiffusion";
            if (first == 0x20 && (b[1] & 0xff) == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8) return "adresse de documentation";
            if ((first & 0xe0) != 0x20) return "plage réservée";
            return null;
        }
        byte[] b = address.getAddress();
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        int a2 = b[2] & 0xff;
        if (a0 == 127) return "adresse de bouclage";
        if (a0 == 0) return "adresse non spécifiée";
        if (a0 == 169 && a1 == 254) return "adresse de lien local (dont le service de métadonnées du nuage)";
        if (a0 == 10 || (a0 == 172 && a1 >= 16 && a1 <= 31) || (a0 == 192 && a1 == 168)) return "adresse de réseau privé";
        if (a0 == 100 && a1 >= 64 && a1 <= 127) return "adresse de réseau partagé (dont des services de métadonnées)";
        if (a0 == 192 && a1 == 0 && a2 == 0) return "plage réservée";
        if ((a0 == 192 && a1 == 0 && a2 == 2) || (a0 == 198 && a1 == 51 && a2 == 100) || (a0 == 203 && a1 == 0 && a2 == 113)) {
            return "adresse de documentation";
        }
        if (a0 == 198 && (a1 == 18 || a1 == 19)) return "plage de test";
        if (a0 >= 224 && a0 <= 239) return "adresse de multidiffusion";
        if (a0 >= 240) return "plage réservée";
        return null;
    }

    /** The IPv4 address an IPv6 one stands for: IPv4-mapped (::ffff:0:0/96), IPv4-compatible, NAT64 (64:ff9b::/96), 6to4 (2002::/16). */
    private static Inet4Address embeddedIpv4(byte[] b) {
        boolean zeros80 = true;
        for (int i = 0; i < 10; i++) {
            zeros80 &= b[i] == 0;
        }
        try {
            if (zeros80 && ((b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff)) {
                return (Inet4Address) InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]});
            }
            if (zeros80 && b[10] == 0 && b[11] == 0 && !(b[12] == 0 && b[13] == 0 && b[14] == 0 && (b[15] == 0 || b[15] == 1))) {
                return (Inet4Address) InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]});
            }
            if ((b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) {
                return (Inet4Address) InetAddress.getByAddress(new byte[] {b[12], b[13], b[14], b[15]});
            }
            if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
                return (Inet4Address) InetAddress.getByAddress(new byte[] {b[2], b[3], b[4], b[5]});
            }
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
        return null;
    }
}
