package org.seatledger.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class AccountRulesTest {

  @Test
  void rolesAreSortedAndMustBeKnownAndSome() throws AccountRefused {
    assertEquals(
        List.of("admin", "staff"), AccountRules.roles("root", "pat", List.of("staff", "admin")));
    AccountRefused none =
        assertThrows(AccountRefused.class, () -> AccountRules.roles("root", "pat", List.of()));
    assertEquals("roles", none.field());
    assertThrows(AccountRefused.class, () -> AccountRules.roles("root", "pat", List.of("owner")));
  }

  @Test
  void anAdminCannotTakeTheAdminRoleFromThemselvesNorDisableThemselves() throws AccountRefused {
    AccountRefused own =
        assertThrows(
            AccountRefused.class, () -> AccountRules.roles("root", "root", List.of("staff")));
    assertTrue(own.getMessage().contains("from yourself"), own.getMessage());
    assertEquals(List.of("admin"), AccountRules.roles("root", "root", List.of("admin")));
    assertThrows(AccountRefused.class, () -> AccountRules.mayDisable("root", "root"));
    AccountRules.mayDisable("root", "pat");
  }

  @Test
  void aWeakPasswordIsRefusedNextToTheFieldNamed() {
    AccountRefused weak =
        assertThrows(AccountRefused.class, () -> AccountRules.password("pat", "short", "password"));
    assertEquals("password", weak.field());
    assertEquals("The password must have at least 12 characters.", weak.getMessage());
  }

  @Test
  void oneTimePasswordsMeetThePolicyAndDiffer() {
    Random random = new Random(42);
    String first = AccountRules.oneTimePassword("pat", random);
    String second = AccountRules.oneTimePassword("pat", random);
    assertEquals(AccountRules.ONE_TIME_LENGTH, first.length());
    assertTrue(PasswordPolicy.weakness("pat", first).isEmpty());
    assertTrue(!first.equals(second));
    assertTrue(first.chars().noneMatch(c -> "0O1lI".indexOf(c) >= 0), first);
  }
}
