package fr.formaflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GrantChecksPlannedForTheirValuesTest {

    @Test
    void readsOfTheGrantsAreGrantChecks() {
        assertThat(GrantChecksPlannedForTheirValues.checksGrants("select distinct RES.* from ACT_RU_TASK RES"
                + " left join ACT_RU_AUTHORIZATION AUTH on AUTH.RESOURCE_ID_ = RES.ID_ where AUTH.PERMS_ & ? = ?")).isTrue();
        assertThat(GrantChecksPlannedForTheirValues.checksGrants("\n  with G as materialized (select A.RESOURCE_ID_\n"
                + " from act_ru_authorization A) select count(*) from G")).isTrue();
    }

    @Test
    void otherStatementsAndWritesOfTheGrantsAreNot() {
        assertThat(GrantChecksPlannedForTheirValues.checksGrants("select * from ACT_RU_TASK where ID_ = ?")).isFalse();
        assertThat(GrantChecksPlannedForTheirValues.checksGrants("insert into ACT_RU_AUTHORIZATION (ID_, TYPE_) values (?, ?)"))
                .isFalse();
        assertThat(GrantChecksPlannedForTheirValues.checksGrants("delete from ACT_RU_AUTHORIZATION where RESOURCE_ID_ = ?")).isFalse();
        assertThat(GrantChecksPlannedForTheirValues.checksGrants("select * from ACT_RU_AUTHORIZATION_ARCHIVE")).isFalse();
    }
}
