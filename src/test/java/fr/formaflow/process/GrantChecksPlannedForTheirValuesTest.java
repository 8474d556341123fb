package fr.formaflow.process;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GrantChecksPlannedForTheirValuesTest {

    @Test
    void listsCheckedAgainstTheGrantsArePlannedForTheirValues() {
        assertThat(GrantChecksPlannedForTheirValues.joinsGrants("select distinct RES.* from ACT_RU_TASK RES"
                + " left join ACT_RU_AUTHORIZATION AUTH on AUTH.RESOURCE_ID_ = RES.ID_ where AUTH.PERMS_ & ? = ?")).isTrue();
        assertThat(GrantChecksPlannedForTheirValues.joinsGrants("\n  with G as materialized (select A.RESOURCE_ID_\n"
                + " from act_ru_authorization A) select count(*) from (select RES.ID_ from act_ru_task RES) T")).isTrue();
    }

    @Test
    void checksOfOneResourceOtherStatementsAndWritesOfTheGrantsAreNot() {
        assertThat(GrantChecksPlannedForTheirValues.joinsGrants("SELECT CASE WHEN EXISTS (select ID_ from ACT_RU_AUTHORIZATION A"
                + " where A.RESOURCE_ID_ in (?, '*') and A.PERMS_ & ? = ?) THEN 1 ELSE 0 END")).isFalse();
        assertThat(GrantChecksPlannedForTheirValues.joinsGrants("select * from ACT_RU_TASK where ID_ = ?")).isFalse();
        assertThat(GrantChecksPlannedForTheirValues.joinsGrants("insert into ACT_RU_AUTHORIZATION (ID_, TYPE_) select ID_, 1"
                + " from ACT_RU_TASK")).isFalse();
        assertThat(GrantChecksPlannedForTheirValues.joinsGrants("delete from ACT_RU_AUTHORIZATION where RESOURCE_ID_ in"
                + " (select ID_ from ACT_RU_TASK)")).isFalse();
    }
}
