package org.seatledger.it;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The server under test runs the real seatledger.ear from its own configuration; tests that only
 * talk to it over HTTP deploy this empty marker beside it, as Arquillian wants a deployment.
 */
final class ClientDeployment {
  private ClientDeployment() {}

  static WebArchive marker(String name) {
    return ShrinkWrap.create(WebArchive.class, name + ".war")
        .addAsWebResource(EmptyAsset.INSTANCE, "index.html");
  }
}
