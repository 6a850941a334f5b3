package io.citylake.deploy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import org.apache.hadoop.hive.conf.HiveConf;
import org.apache.hadoop.hive.metastore.HiveMetaStore;
import org.apache.hadoop.hive.metastore.api.ThriftHiveMetastore;
import org.apache.thrift.protocol.TBinaryProtocol;
import org.apache.thrift.server.TServer;
import org.apache.thrift.server.TThreadPoolServer;
import org.apache.thrift.transport.TServerSocket;
import org.apache.thrift.transport.TTransportFactory;

/**
 * The Hive 2.3.9 metastore service (the classes Spark ships) serving Thrift on loopback only.
 * Hive's own {@code HiveMetaStore} main binds every interface and has no setting against it, so
 * this main builds the same handler ({@link HiveMetaStore#newRetryingHMSHandler}) behind a
 * plain, unauthenticated Thrift server on 127.0.0.1, which is all a test on one machine needs.
 * The metastore's database comes from system properties ({@code javax.jdo.option.*}), which
 * {@link HiveConf} reads. Prints {@code serving PORT} once it accepts connections.
 */
public final class LoopbackHiveMetastore {
  private LoopbackHiveMetastore() {}

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    HiveConf conf = new HiveConf(LoopbackHiveMetastore.class);
    ThriftHiveMetastore.Iface handler = HiveMetaStore.newRetryingHMSHandler("citylake-metastore", conf, false);
    TServerSocket socket =
        new TServerSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    TServer server = new TThreadPoolServer(new TThreadPoolServer.Args(socket)
        .processor(new ThriftHiveMetastore.Processor<>(handler))
        .transportFactory(new TTransportFactory())
        .protocolFactory(new TBinaryProtocol.Factory())
        .minWorkerThreads(4).maxWorkerThreads(64));
    System.out.println("serving " + port);
    System.out.flush();
    server.serve();
  }
}
