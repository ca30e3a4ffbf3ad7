package io.paperstream.kafka;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.metadata.properties.MetaPropertiesEnsemble;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data directory of a local broker: created and checked, held exclusively while the broker
 * runs, and formatted on first use only (a directory holding {@code meta.properties} is reused).
 */
final class BrokerDataDir {

  private static final Logger log = LoggerFactory.getLogger(BrokerDataDir.class);

  private static final String META_PROPERTIES = MetaPropertiesEnsemble.META_PROPERTIES_NAME;
  // Held for the broker's lifetime. Kafka's own .lock is taken only when the broker part starts,
  // after the controller has already opened the metadata log; this one is taken before anything.
  private static final String OWN_LOCK = "paperstream-broker.lock";
  private static final String KAFKA_LOCK = ".lock";
  // What an interrupted format (or our lock) leaves behind: safe to format over.
  private static final Set<String> FORMAT_LEFTOVERS =
      Set.of("bootstrap.checkpoint", "__cluster_metadata-0", KAFKA_LOCK, OWN_LOCK);
  // File locks only exclude other processes, and closing any channel on a locked file can drop
  // this JVM's lock on it: brokers within one JVM are kept apart here instead.
  private static final Set<Path> DIRS_IN_USE = ConcurrentHashMap.newKeySet();

  private final Path dir;
  private FileChannel lockChannel;
  private Path registeredDir;

  BrokerDataDir(Path dir) {
    this.dir = dir;
  }

  /** Creates the directory if needed and takes it for this broker alone. */
  void claim() {
    prepare();
    lock();
  }

  private void prepare() {
    try {
      Files.createDirectories(dir);
    } catch (FileAlreadyExistsException e) {
      throw new LocalKafkaException("Kafka data directory " + dir
          + " exists but is not a directory. Remove it or choose another data directory.", e);
    } catch (IOException e) {
      throw new LocalKafkaException("Cannot create the Kafka data directory " + dir + " ("
          + e + "). Fix its permissions or choose another data directory.", e);
    }
    if (!Files.isWritable(dir)) {
      throw new LocalKafkaException("Kafka data directory " + dir
          + " is not writable. Fix its permissions or choose another data directory.");
    }
  }

  // Two controllers on one metadata log would corrupt it, so refuse a directory that another
  // broker, ours or a plain Kafka, is using.
  private void lock() {
    Path key = realPath();
    if (!DIRS_IN_USE.add(key)) {
      throw inUse(null);
    }
    registeredDir = key;
    FileChannel channel = null;
    try {
      channel = FileChannel.open(dir.resolve(OWN_LOCK), StandardOpenOption.CREATE,
          StandardOpenOption.WRITE);
      if (channel.tryLock() == null || isLockedByKafka()) {
        throw inUse(null);
      }
      lockChannel = channel;
    } catch (OverlappingFileLockException e) {
      throw inUse(e);
    } catch (IOException e) {
      throw new LocalKafkaException("Cannot lock Kafka data directory " + dir + " (" + e
          + "). Fix its permissions or choose another data directory.", e);
    } finally {
      if (lockChannel != channel) {
        closeQuietly(channel);
      }
    }
  }

  private boolean isLockedByKafka() throws IOException {
    Path kafkaLock = dir.resolve(KAFKA_LOCK);
    if (!Files.exists(kafkaLock)) {
      return false;
    }
    try (FileChannel channel = FileChannel.open(kafkaLock, StandardOpenOption.WRITE)) {
      FileLock lock = channel.tryLock();
      if (lock == null) {
        return true;
      }
      lock.release();
      return false;
    } catch (OverlappingFileLockException e) {
      return true;
    }
  }

  /** Gives the directory up; calling it again, or before {@link #claim()}, does nothing. */
  void release() {
    // Closing the channel releases the lock.
    closeQuietly(lockChannel);
    lockChannel = null;
    if (registeredDir != null) {
      DIRS_IN_USE.remove(registeredDir);
      registeredDir = null;
    }
  }

  private Path realPath() {
    try {
      return dir.toRealPath();
    } catch (IOException e) {
      throw new LocalKafkaException("Cannot resolve Kafka data directory " + dir + " (" + e
          + "). Fix its permissions or choose another data directory.", e);
    }
  }

  /** The error for a directory another broker holds. */
  LocalKafkaException inUse(Throwable cause) {
    return new LocalKafkaException("Kafka data directory " + dir
        + " is in use by another Kafka broker (another 'papers broker'?). Stop it, or choose"
        + " another data directory.", cause);
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel == null) {
      return;
    }
    try {
      channel.close();
    } catch (IOException e) {
      log.debug("Closing {} failed", channel, e);
    }
  }

  /** Formats a new directory for a single combined node; a formatted one is reused as is. */
  void formatIfNeeded(int nodeId, String controllerListener) {
    if (Files.exists(dir.resolve(META_PROPERTIES))) {
      log.debug("Reusing formatted Kafka data directory {}", dir);
      return;
    }
    refuseForeignContent();
    ByteArrayOutputStream formatterOutput = new ByteArrayOutputStream();
    try (PrintStream out = new PrintStream(formatterOutput, true, StandardCharsets.UTF_8)) {
      new Formatter()
          .setPrintStream(out)
          .setNodeId(nodeId)
          .setClusterId(Uuid.randomUuid().toString())
          .setDirectories(List.of(dir.toString()))
          .setMetadataLogDirectory(dir.toString())
          .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
          .setControllerListenerName(controllerListener)
          // Another process formatting the same directory concurrently is harmless.
          .setIgnoreFormatted(true)
          .run();
    } catch (Exception e) {
      throw new LocalKafkaException("Cannot format Kafka data directory " + dir + ": "
          + e.getMessage() + ". Remove the directory or choose another one.", e);
    }
    log.info("Formatted new Kafka data directory {}", dir);
    formatterOutput.toString(StandardCharsets.UTF_8).lines().forEach(line -> log.debug("{}", line));
  }

  // Kafka would happily format a non-empty directory and then treat its subdirectories as
  // partitions; refusing protects a mistyped --data-dir (say, the home directory).
  private void refuseForeignContent() {
    List<String> foreign;
    try (Stream<Path> entries = Files.list(dir)) {
      foreign = entries.map(p -> p.getFileName().toString())
          .filter(name -> !FORMAT_LEFTOVERS.contains(name))
          .sorted()
          .limit(5)
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new LocalKafkaException("Cannot read Kafka data directory " + dir + " (" + e
          + "). Fix its permissions or choose another data directory.", e);
    }
    if (!foreign.isEmpty()) {
      throw new LocalKafkaException("Directory " + dir + " is not empty (" + foreign
          + ") and is not a Kafka data directory (no " + META_PROPERTIES
          + "). Choose an empty or new directory for Kafka data.");
    }
  }
}
