package org.openrfid.trace.service.registry.goods.jdbc;

import org.openrfid.trace.service.registry.goods.AggregationChanges;
import org.openrfid.trace.service.registry.goods.Aggregations;
import org.openrfid.trace.service.registry.goods.GoodsItems;
import org.openrfid.trace.service.registry.goods.Pallets;
import java.util.Optional;
import javax.sql.DataSource;
import org.openrfid.trace.service.platform.sql.SqlDialect;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Wires the goods, pallet and aggregation stores for whichever database the data source points at. */
@Configuration(proxyBeanMethods = false)
public class GoodsStoreConfiguration {

    @Bean
    GoodsItems goodsItems(DataSource dataSource, PlatformTransactionManager txManager, Optional<FlywayMigrationInitializer> migrated) {
        return createGoodsItems(dataSource, new TransactionTemplate(txManager));
    }

    @Bean
    Pallets pallets(DataSource dataSource, PlatformTransactionManager txManager, Optional<FlywayMigrationInitializer> migrated) {
        return createPallets(dataSource, new TransactionTemplate(txManager));
    }

    @Bean
    Aggregations aggregations(DataSource dataSource, PlatformTransactionManager txManager, Optional<FlywayMigrationInitializer> migrated) {
        return createAggregations(dataSource, new TransactionTemplate(txManager));
    }

    @Bean
    AggregationChanges aggregationChanges(DataSource dataSource, Optional<FlywayMigrationInitializer> migrated) {
        return createAggregationChanges(dataSource);
    }

    /** The adapter as the application builds it; public so tests build the same against any data source. */
    public static GoodsItems createGoodsItems(DataSource dataSource, TransactionTemplate tx) {
        return new JdbcGoodsItems(new JdbcTemplate(dataSource), tx, SqlDialect.of(dataSource));
    }

    /** The adapter as the application builds it; public so tests build the same against any data source. */
    public static Pallets createPallets(DataSource dataSource, TransactionTemplate tx) {
        return new JdbcPallets(new JdbcTemplate(dataSource), tx, SqlDialect.of(dataSource));
    }

    /** The adapter as the application builds it; public so tests build the same against any data source. */
    public static Aggregations createAggregations(DataSource dataSource, TransactionTemplate tx) {
        return new JdbcAggregations(new JdbcTemplate(dataSource), tx);
    }

    /** The adapter as the application builds it; public so tests build the same against any data source. */
    public static AggregationChanges createAggregationChanges(DataSource dataSource) {
        return new JdbcAggregationChanges(new JdbcTemplate(dataSource));
    }
}
