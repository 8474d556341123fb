package fr.formaflow.catalogue;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The public catalogue's search: published sessions only, not yet 8 days past their start, of organisations whose
 * record is current; filtered on indexed columns, sorted by start date, one page at a time. Plain SQL (PostgreSQL
 * and H2), so that the benchmark measures exactly this code on 100 000 offers.
 */
@Component
public class PublicOfferSearch {

    /** What anyone may search on. */
    public record Criteria(String formacode, String place, LocalDate from, LocalDate to, Integer freePlaces, int page, int size) {
    }

    /** A session as the public sees it: no SIRET, dossier, funder file or draft, only what the catalogue publishes. */
    public record Session(long id, String title, String objectives, String programme, List<OfferModule> modules, String formacode,
                          LocalDate startDate, LocalDate endDate, String city, String postcode, int placesAvailable,
                          String fundingComment, LocalDate fundingVoteDate, String organisation, String contactName,
                          String contactPhone, String contactEmail) {
    }

    public record Page(long total, int page, int size, List<Session> sessions) {
    }

    /** A listed session and its organisation, for the exports (the organisation's id is never sent in the JSON). */
    public record Listed(long organisationId, Session session) {
    }

    /** No criterion: every session the public search lists. */
    private static final Criteria EVERYTHING = new Criteria(null, null, null, null, null, 0, 1);

    private static final String COLUMNS = "offer_id, title, objectives, programme, modules, formacode, start_date, end_date, city,"
            + " postcode, places_available, funding_comment, funding_vote_date, organisation_name, contact_name, contact_phone, contact_email";

    private static final OfferModulesConverter MODULES = new OfferModulesConverter();

    private final NamedParameterJdbcTemplate jdbc;

    public PublicOfferSearch(DataSource dataSource) {
        this.jdbc = new NamedParameterJdbcTemplate(dataSource);
    }

    public Page search(Criteria criteria, LocalDate today) {
        MapSqlParameterSource parameters = new MapSqlParameterSource("today", today);
        String where = where(criteria, parameters);
        Long total = jdbc.queryForObject("select count(*) from published_offer where " + where, parameters, Long.class);
        parameters.addValue("limit", criteria.size()).addValue("offset", (long) criteria.page() * criteria.size());
        List<Session> sessions = jdbc.query("select " + COLUMNS + " from published_offer where " + where
                + " order by start_date, offer_id limit :limit offset :offset", parameters, (rs, n) -> session(rs));
        return new Page(total == null ? 0 : total, criteria.page(), criteria.size(), sessions);
    }

    /**
     * Every session the public search lists on that day, of one organisation or of all, by start date, handed over one
     * row at a time (an export writes them as they come, whatever their number).
     */
    public void eachListed(Long organisationId, LocalDate today, Consumer<Listed> each) {
        MapSqlParameterSource parameters = new MapSqlParameterSource("today", today);
        String where = where(EVERYTHING, parameters);
        if (organisationId != null) {
            where += " and organisation_id = :organisationId";
            parameters.addValue("organisationId", organisationId);
        }
        jdbc.query("select organisation_id, " + COLUMNS + " from published_offer where " + where + " order by start_date, offer_id",
                parameters, (RowCallbackHandler) rs -> each.accept(new Listed(rs.getLong("organisation_id"), session(rs))));
    }

    private static String where(Criteria criteria, MapSqlParameterSource parameters) {
        List<String> conditions = new ArrayList<>(List.of("session_over = false", "organisation_withdrawn = false",
                "leaves_catalogue_on > :today"));
        if (criteria.formacode() != null) {
            conditions.add("formacode = :formacode");
            parameters.addValue("formacode", criteria.formacode());
        }
        if (criteria.place() != null) {
            if (criteria.place().chars().allMatch(Character::isDigit)) {
                // postcodes are 5 digits: a prefix is a range, which an index serves whatever the database's collation
                conditions.add("postcode between :postcodeFrom and :postcodeTo");
                parameters.addValue("postcodeFrom", pad(criteria.place(), '0'));
                parameters.addValue("postcodeTo", pad(criteria.place(), '9'));
            } else {
                conditions.add("city_key = :city");
                parameters.addValue("city", OfferRules.placeKey(criteria.place()));
            }
        }
        if (criteria.from() != null) {
            conditions.add("start_date >= :from");
            parameters.addValue("from", criteria.from());
        }
        if (criteria.to() != null) {
            conditions.add("start_date <= :to");
            parameters.addValue("to", criteria.to());
        }
        if (criteria.freePlaces() != null) {
            conditions.add("places_available >= :freePlaces");
            parameters.addValue("freePlaces", criteria.freePlaces());
        }
        return String.join(" and ", conditions);
    }

    private static String pad(String prefix, char digit) {
        StringBuilder code = new StringBuilder(prefix.length() > 5 ? prefix.substring(0, 5) : prefix);
        while (code.length() < 5) {
            code.append(digit);
        }
        return code.toString();
    }

    private static Session session(ResultSet rs) throws SQLException {
        return new Session(rs.getLong("offer_id"), rs.getString("title"), rs.getString("objectives"), rs.getString("programme"),
                MODULES.convertToEntityAttribute(rs.getString("modules")), rs.getString("formacode"),
                rs.getObject("start_date", LocalDate.class), rs.getObject("end_date", LocalDate.class), rs.getString("city"),
                rs.getString("postcode"), rs.getInt("places_available"), rs.getString("funding_comment"),
                rs.getObject("funding_vote_date", LocalDate.class), rs.getString("organisation_name"), rs.getString("contact_name"),
                rs.getString("contact_phone"), rs.getString("contact_email"));
    }
}
