CREATE TABLE "clients" (
	"client_id" text PRIMARY KEY NOT NULL,
	"agent_id" text NOT NULL,
	"last_processed_seq" integer DEFAULT 0 NOT NULL,
	"viewer_scope" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "command_log" (
	"client_id" text NOT NULL,
	"seq" integer NOT NULL,
	"command_id" text NOT NULL,
	"agent_id" text NOT NULL,
	"name" text NOT NULL,
	"version" integer NOT NULL,
	"args" jsonb,
	"status" text NOT NULL,
	"result" jsonb NOT NULL,
	"change_seq" bigint DEFAULT 0 NOT NULL,
	"occurred_at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "command_log_client_id_seq_pk" PRIMARY KEY("client_id","seq")
);
--> statement-breakpoint
CREATE TABLE "credentials" (
	"agent_id" text PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"password_hash" text NOT NULL,
	"must_change_password" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "credentials_email_unique" UNIQUE("email")
);
--> statement-breakpoint
CREATE TABLE "number_counters" (
	"kind" text PRIMARY KEY NOT NULL,
	"next_value" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "number_leases" (
	"client_id" text NOT NULL,
	"kind" text NOT NULL,
	"from_value" integer NOT NULL,
	"to_value" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "number_leases_kind_from_value_pk" PRIMARY KEY("kind","from_value")
);
--> statement-breakpoint
CREATE TABLE "records" (
	"table_name" text NOT NULL,
	"id" text NOT NULL,
	"parent_id" text DEFAULT '' NOT NULL,
	"data" jsonb NOT NULL,
	"scope" text DEFAULT '' NOT NULL,
	"ever_public" boolean DEFAULT true NOT NULL,
	"deleted" boolean DEFAULT false NOT NULL,
	"change_seq" bigint NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "records_table_name_id_pk" PRIMARY KEY("table_name","id")
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"agent_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"user_agent" text DEFAULT '' NOT NULL,
	"ip" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sync_state" (
	"id" integer PRIMARY KEY NOT NULL,
	"last_seq" bigint DEFAULT 0 NOT NULL,
	"horizon" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX "clients_agent_idx" ON "clients" USING btree ("agent_id");--> statement-breakpoint
CREATE INDEX "command_log_rejected_idx" ON "command_log" USING btree ("client_id","change_seq") WHERE "command_log"."status" = 'rejected';--> statement-breakpoint
CREATE INDEX "number_leases_client_idx" ON "number_leases" USING btree ("client_id","kind");--> statement-breakpoint
CREATE INDEX "records_change_seq_idx" ON "records" USING btree ("change_seq");--> statement-breakpoint
CREATE INDEX "records_parent_idx" ON "records" USING btree ("table_name","parent_id");--> statement-breakpoint
CREATE INDEX "records_ticket_number_idx" ON "records" USING btree (("data"->>'number')) WHERE "records"."table_name" = 'tickets';--> statement-breakpoint
CREATE INDEX "sessions_agent_idx" ON "sessions" USING btree ("agent_id");