package fr.formaflow.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.dao.CannotAcquireLockException;

/**
 * H2's side of find-or-create under a race (CI, 19e7e81: a user saving a new trainer got no trainer). H2 can refuse the
 * loser's insert on the unique key while the winner's row is not yet visible to the loser's next statement; the loser
 * must insert again rather than go on to read a row it cannot see. {@link fr.formaflow.trainer.TrainersTest} races real
 * transactions, on H2 and on PostgreSQL.
 */
class InsertIfAbsentTest {

    private final PreparedStatement insert = mock(PreparedStatement.class);

    @Test
    void insertsAgainWhileTheWinnersRowIsNotCommittedThenFindsIt() throws SQLException {
        when(insert.executeUpdate())
                .thenThrow(new SQLException("Unique index or primary key violation", "23505"))
                .thenThrow(new SQLException("Concurrent update in table TRAINER", "90131"))
                .thenReturn(0);

        assertThat(InsertIfAbsent.untilWinnerCommits(insert, "trainer", Duration.ofSeconds(10))).isFalse();
        verify(insert, times(3)).executeUpdate();
    }

    @Test
    void insertsTheRowWhenTheWinnerRolledBack() throws SQLException {
        when(insert.executeUpdate())
                .thenThrow(new SQLException("Unique index or primary key violation", "23505"))
                .thenReturn(1);

        assertThat(InsertIfAbsent.untilWinnerCommits(insert, "trainer", Duration.ofSeconds(10))).isTrue();
    }

    @Test
    void otherErrorsAreNotRetried() throws SQLException {
        when(insert.executeUpdate()).thenThrow(new SQLException("Value too long", "22001"));

        assertThatThrownBy(() -> InsertIfAbsent.untilWinnerCommits(insert, "trainer", Duration.ofSeconds(10)))
                .isInstanceOf(SQLException.class).hasMessage("Value too long");
        verify(insert, times(1)).executeUpdate();
    }

    @Test
    void givesUpAfterTheLockTimeout() throws SQLException {
        when(insert.executeUpdate()).thenThrow(new SQLException("Unique index or primary key violation", "23505"));

        assertThatThrownBy(() -> InsertIfAbsent.untilWinnerCommits(insert, "trainer", Duration.ofMillis(50)))
                .isInstanceOf(CannotAcquireLockException.class).hasMessageContaining("trainer").hasMessageStartingWith(InsertIfAbsent.GAVE_UP_WAITING);
    }
}
