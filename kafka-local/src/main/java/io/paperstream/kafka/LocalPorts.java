package io.paperstream.kafka;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Ports on the loopback address for a local broker: free ones picked, requested ones checked. */
final class LocalPorts {

  private LocalPorts() {
  }

  /** A port nothing listens on right now (the OS may hand it out again once this returns). */
  static int free(String host) {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(host))) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new LocalKafkaException("Cannot find a free port on " + host + ": " + e, e);
    }
  }

  // The broker's port is free again once chosen, so the OS may hand it out a second time: ask
  // until the controller gets another one.
  static int freeOtherThan(String host, int taken) {
    int port = free(host);
    while (port == taken) {
      port = free(host);
    }
    return port;
  }

  // Kafka's own bind error surfaces only after the controller started, and reads less clearly.
  static int requireFree(String host, int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getByName(host), port), 1);
      return port;
    } catch (IOException e) {
      throw new LocalKafkaException("Port " + host + ":" + port
          + " is already in use. Stop whatever uses it, or choose another port.", e);
    }
  }
}
