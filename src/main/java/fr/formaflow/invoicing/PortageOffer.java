package fr.formaflow.invoicing;

import fr.formaflow.platform.BusinessRuleException;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.util.ArrayList;
import java.util.List;

/** One of a portage platform's offers, as data: what it includes, whom it suits, its fee grid (see {@link PortageOffers}). */
@Entity
@Table(name = "portage_offer")
public class PortageOffer {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private Long funderId;

    @Column(nullable = false)
    private String code;

    @Column(nullable = false)
    private String name;

    /** What the offer includes, one service a line. */
    @Column(nullable = false)
    private String included;

    private int minTrainees;
    private Integer maxTrainees;
    private long minimumFeeCents;
    private int rankInList;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "portage_offer_tier", joinColumns = @JoinColumn(name = "offer_id"))
    @OrderColumn(name = "position")
    private List<PortageOfferTier> tiers = new ArrayList<>();

    protected PortageOffer() {
    }

    /** An offer whose definition the rules accept (tiers ascending, the last without ceiling, rates between 0 and 100 %). */
    public PortageOffer(Long funderId, int rankInList, PortageOffers.Offer offer) {
        BusinessRuleException.throwIfAny("L'offre de portage ne peut pas être enregistrée :", PortageOffers.problems(offer));
        this.funderId = funderId;
        this.rankInList = rankInList;
        this.code = offer.code();
        this.name = offer.name();
        this.included = offer.included();
        this.minTrainees = offer.minTrainees();
        this.maxTrainees = offer.maxTrainees();
        this.minimumFeeCents = offer.minimumFeeCents();
        offer.tiers().forEach(t -> tiers.add(new PortageOfferTier(t.upToCents(), t.percent())));
    }

    public PortageOffers.Offer rules() {
        return new PortageOffers.Offer(code, name, included, minTrainees, maxTrainees, minimumFeeCents,
                tiers.stream().map(t -> new PortageOffers.Tier(t.upToCents(), t.percent())).toList());
    }

    public Long getId() { return id; }
    public Long getFunderId() { return funderId; }
    public String getCode() { return code; }
    public String getName() { return name; }
}
