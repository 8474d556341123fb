package fr.formaflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GrantChecksPlannedForTheirValuesTest {

    @Test
    void readsOfTheGrantsAreGrantReads() {
        assertThat(GrantChecksPlannedForTheirValues.readsGrants("select distinct RES.* from ACT_RU_TASK RES"
                + " left join ACT_RU_AUTHORIZATION AUTH on AUTH.RESOURCE_ID_ = RES.ID_ where AUTH.PERMS_ & ? = ?")).isTrue();
        assertThat(GrantChecksPlannedForTheirValues.readsGrants("\n  with G as materialized (select A.RESOURCE_ID_\n"
                + " from act_ru_authorization A) select count(*) from G")).isTrue();
        // the table named as a whole word after a longer name that starts like it, and behind a schema prefix
        assertThat(GrantChecksPlannedForTheirValues.readsGrants("SELECT * from ACT_RU_AUTHORIZATION_ARCHIVE X, public.ACT_RU_AUTHORIZATION A"))
                .isTrue();
    }

    @Test
    void otherStatementsAndWritesOfTheGrantsAreNot() {
        assertThat(GrantChecksPlannedForTheirValues.readsGrants("select * from ACT_RU_TASK where ID_ = ?")).isFalse();
        assertThat(GrantChecksPlannedForTheirValues.readsGrants("insert into ACT_RU_AUTHORIZATION (ID_, TYPE_) values (?, ?)"))
                .isFalse();
        assertThat(GrantChecksPlannedForTheirValues.readsGrants("delete from ACT_RU_AUTHORIZATION where RESOURCE_ID_ = ?")).isFalse();
        assertThat(GrantChecksPlannedForTheirValues.readsGrants("select * from ACT_RU_AUTHORIZATION_ARCHIVE")).isFalse();
        assertThat(GrantChecksPlannedForTheirValues.readsGrants("select * from XACT_RU_AUTHORIZATION")).isFalse();
        assertThat(GrantChecksPlannedForTheirValues.readsGrants("selected ACT_RU_AUTHORIZATION")).isFalse();
    }
}
