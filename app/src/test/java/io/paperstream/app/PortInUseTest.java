package io.paperstream.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.paperstream.processor.enrich.KeywordExtractor;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** A second papers run on the same port is told what to do, in one line. */
class PortInUseTest {

  @Test
  void aPortInUseNamesThePortAndTheWayOut() throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    QueryService queries = new QueryService(new KeywordExtractor(), mapper);
    Health health = new Health(() -> null, null, queries, "port-in-use", "raw", mapper);
    // given a port another process holds
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
        AppMetrics metrics = new AppMetrics()) {
      int port = taken.getLocalPort();

      // when the HTTP API is started on it, then the failure names the port and the options
      assertThatThrownBy(() -> HttpApi.start("127.0.0.1", port, queries, health, metrics, mapper).close())
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("port " + port + " on 127.0.0.1 is in use")
          .hasMessageContaining("--http-port");
      assertThat(taken.isBound()).isTrue();
    }
  }
}
