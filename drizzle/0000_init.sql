CREATE TYPE "public"."actor_type" AS ENUM('visitor', 'operator', 'supervisor', 'admin', 'system');--> statement-breakpoint
CREATE TYPE "public"."category_kind" AS ENUM('language', 'topic', 'department');--> statement-breakpoint
CREATE TYPE "public"."cobrowse_status" AS ENUM('requested', 'active', 'ended', 'declined');--> statement-breakpoint
CREATE TYPE "public"."complaint_status" AS ENUM('open', 'resolved');--> statement-breakpoint
CREATE TYPE "public"."dialog_outcome" AS ENUM('closed_by_operator', 'closed_by_visitor', 'closed_by_supervisor', 'abandoned', 'blocked', 'offline_redirect', 'timeout');--> statement-breakpoint
CREATE TYPE "public"."dialog_state" AS ENUM('queued', 'offered', 'active', 'on_hold', 'closed');--> statement-breakpoint
CREATE TYPE "public"."launch_mode" AS ENUM('iframe', 'popup');--> statement-breakpoint
CREATE TYPE "public"."message_kind" AS ENUM('text', 'file', 'system');--> statement-breakpoint
CREATE TYPE "public"."operator_status" AS ENUM('ready', 'away', 'offline');--> statement-breakpoint
CREATE TYPE "public"."participant_mode" AS ENUM('monitor', 'join');--> statement-breakpoint
CREATE TYPE "public"."role" AS ENUM('operator', 'supervisor', 'admin');--> statement-breakpoint
CREATE TYPE "public"."widget_position" AS ENUM('bottom-right', 'bottom-left');--> statement-breakpoint
CREATE TABLE "blacklist" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"visitor_id" uuid,
	"ip" text,
	"reason" text NOT NULL,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"until" timestamp with time zone,
	"lifted_at" timestamp with time zone,
	"lifted_by_id" uuid
);
--> statement-breakpoint
CREATE TABLE "categories" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"kind" "category_kind" NOT NULL,
	"description" text,
	"queue_wait_limit_sec" integer DEFAULT 300 NOT NULL,
	"offer_timeout_sec" integer,
	"offline_email" text,
	"enabled" boolean DEFAULT true NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"archived_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cobrowse_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dialog_id" uuid NOT NULL,
	"started_by_id" uuid NOT NULL,
	"status" "cobrowse_status" DEFAULT 'requested' NOT NULL,
	"allow_control" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"ended_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "complaints" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dialog_id" uuid,
	"visitor_id" uuid,
	"name" text,
	"email" text,
	"body" text NOT NULL,
	"status" "complaint_status" DEFAULT 'open' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resolved_at" timestamp with time zone,
	"resolved_by_id" uuid
);
--> statement-breakpoint
CREATE TABLE "dialog_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"dialog_id" uuid NOT NULL,
	"type" text NOT NULL,
	"from_state" "dialog_state",
	"to_state" "dialog_state",
	"actor_type" "actor_type" NOT NULL,
	"actor_id" uuid,
	"operator_id" uuid,
	"data" jsonb,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dialog_participants" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"dialog_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"mode" "participant_mode" NOT NULL,
	"joined_at" timestamp with time zone DEFAULT now() NOT NULL,
	"left_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "dialogs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"visitor_id" uuid NOT NULL,
	"category_id" uuid NOT NULL,
	"state" "dialog_state" DEFAULT 'queued' NOT NULL,
	"operator_id" uuid,
	"offered_to_id" uuid,
	"offer_expires_at" timestamp with time zone,
	"queue_deadline_at" timestamp with time zone,
	"hold_expires_at" timestamp with time zone,
	"last_seq" integer DEFAULT 0 NOT NULL,
	"offer_count" integer DEFAULT 0 NOT NULL,
	"transfer_count" integer DEFAULT 0 NOT NULL,
	"queued_at" timestamp with time zone DEFAULT now() NOT NULL,
	"offered_at" timestamp with time zone,
	"answered_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"outcome" "dialog_outcome",
	"closed_by_type" "actor_type",
	"closed_by_id" uuid,
	"first_response_at" timestamp with time zone,
	"visitor_last_active_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dialog_id" uuid NOT NULL,
	"uploader_type" "actor_type" NOT NULL,
	"uploader_id" uuid,
	"name" text NOT NULL,
	"size" bigint NOT NULL,
	"mime" text NOT NULL,
	"storage" text NOT NULL,
	"storage_key" text NOT NULL,
	"url" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dialog_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"sender_type" "actor_type" NOT NULL,
	"sender_id" uuid,
	"client_id" text,
	"kind" "message_kind" DEFAULT 'text' NOT NULL,
	"body" text NOT NULL,
	"file_id" uuid,
	"internal" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "offline_messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"category_id" uuid,
	"visitor_id" uuid,
	"dialog_id" uuid,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"mailed_at" timestamp with time zone,
	"mail_error" text,
	"read_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "page_views" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"visitor_id" uuid NOT NULL,
	"url" text NOT NULL,
	"title" text,
	"referrer" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"left_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "ratings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dialog_id" uuid NOT NULL,
	"visitor_id" uuid NOT NULL,
	"score" smallint NOT NULL,
	"comment" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "templates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_id" uuid,
	"category_id" uuid,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"shortcut" text,
	"language" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "user_categories" (
	"user_id" uuid NOT NULL,
	"category_id" uuid NOT NULL,
	CONSTRAINT "user_categories_user_id_category_id_pk" PRIMARY KEY("user_id","category_id")
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"password_hash" text NOT NULL,
	"role" "role" DEFAULT 'operator' NOT NULL,
	"greeting" text,
	"max_dialogs" integer DEFAULT 3 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"session_version" integer DEFAULT 1 NOT NULL,
	"status" "operator_status" DEFAULT 'offline' NOT NULL,
	"status_since" timestamp with time zone DEFAULT now() NOT NULL,
	"last_heartbeat_at" timestamp with time zone,
	"idle_since" timestamp with time zone DEFAULT now() NOT NULL,
	"missed_offers" integer DEFAULT 0 NOT NULL,
	"locale" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "visitors" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"token_hash" text NOT NULL,
	"name" text,
	"phone" text,
	"email" text,
	"ip" text,
	"user_agent" text,
	"browser" text,
	"os" text,
	"device" text,
	"language" text,
	"origin" text,
	"current_url" text,
	"current_title" text,
	"current_page_since" timestamp with time zone,
	"page_count" integer DEFAULT 0 NOT NULL,
	"first_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"left_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "widget_settings" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"primary_color" text DEFAULT '#4f46e5' NOT NULL,
	"text_color" text DEFAULT '#ffffff' NOT NULL,
	"logo_url" text,
	"title" text,
	"greeting" text,
	"position" "widget_position" DEFAULT 'bottom-right' NOT NULL,
	"launch_mode" "launch_mode" DEFAULT 'iframe' NOT NULL,
	"allowed_origins" text[] DEFAULT '{}'::text[] NOT NULL,
	"offer_timeout_sec" integer DEFAULT 20 NOT NULL,
	"max_missed_offers" integer DEFAULT 3 NOT NULL,
	"hold_timeout_sec" integer DEFAULT 600 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "blacklist" ADD CONSTRAINT "blacklist_visitor_id_visitors_id_fk" FOREIGN KEY ("visitor_id") REFERENCES "public"."visitors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "blacklist" ADD CONSTRAINT "blacklist_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "blacklist" ADD CONSTRAINT "blacklist_lifted_by_id_users_id_fk" FOREIGN KEY ("lifted_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cobrowse_sessions" ADD CONSTRAINT "cobrowse_sessions_dialog_id_dialogs_id_fk" FOREIGN KEY ("dialog_id") REFERENCES "public"."dialogs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cobrowse_sessions" ADD CONSTRAINT "cobrowse_sessions_started_by_id_users_id_fk" FOREIGN KEY ("started_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_dialog_id_dialogs_id_fk" FOREIGN KEY ("dialog_id") REFERENCES "public"."dialogs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_visitor_id_visitors_id_fk" FOREIGN KEY ("visitor_id") REFERENCES "public"."visitors"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "complaints" ADD CONSTRAINT "complaints_resolved_by_id_users_id_fk" FOREIGN KEY ("resolved_by_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dialog_events" ADD CONSTRAINT "dialog_events_dialog_id_dialogs_id_fk" FOREIGN KEY ("dialog_id") REFERENCES "public"."dialogs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dialog_participants" ADD CONSTRAINT "dialog_participants_dialog_id_dialogs_id_fk" FOREIGN KEY ("dialog_id") REFERENCES "public"."dialogs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dialog_participants" ADD CONSTRAINT "dialog_participants_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dialogs" ADD CONSTRAINT "dialogs_visitor_id_visitors_id_fk" FOREIGN KEY ("visitor_id") REFERENCES "public"."visitors"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dialogs" ADD CONSTRAINT "dialogs_category_id_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dialogs" ADD CONSTRAINT "dialogs_operator_id_users_id_fk" FOREIGN KEY ("operator_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dialogs" ADD CONSTRAINT "dialogs_offered_to_id_users_id_fk" FOREIGN KEY ("offered_to_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "files" ADD CONSTRAINT "files_dialog_id_dialogs_id_fk" FOREIGN KEY ("dialog_id") REFERENCES "public"."dialogs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_dialog_id_dialogs_id_fk" FOREIGN KEY ("dialog_id") REFERENCES "public"."dialogs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_file_id_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."files"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offline_messages" ADD CONSTRAINT "offline_messages_category_id_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."categories"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offline_messages" ADD CONSTRAINT "offline_messages_visitor_id_visitors_id_fk" FOREIGN KEY ("visitor_id") REFERENCES "public"."visitors"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offline_messages" ADD CONSTRAINT "offline_messages_dialog_id_dialogs_id_fk" FOREIGN KEY ("dialog_id") REFERENCES "public"."dialogs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "page_views" ADD CONSTRAINT "page_views_visitor_id_visitors_id_fk" FOREIGN KEY ("visitor_id") REFERENCES "public"."visitors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ratings" ADD CONSTRAINT "ratings_dialog_id_dialogs_id_fk" FOREIGN KEY ("dialog_id") REFERENCES "public"."dialogs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ratings" ADD CONSTRAINT "ratings_visitor_id_visitors_id_fk" FOREIGN KEY ("visitor_id") REFERENCES "public"."visitors"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "templates" ADD CONSTRAINT "templates_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "templates" ADD CONSTRAINT "templates_category_id_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."categories"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_categories" ADD CONSTRAINT "user_categories_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_categories" ADD CONSTRAINT "user_categories_category_id_categories_id_fk" FOREIGN KEY ("category_id") REFERENCES "public"."categories"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "blacklist_visitor_idx" ON "blacklist" USING btree ("visitor_id");--> statement-breakpoint
CREATE INDEX "blacklist_ip_idx" ON "blacklist" USING btree ("ip");--> statement-breakpoint
CREATE INDEX "categories_order_idx" ON "categories" USING btree ("sort_order","name");--> statement-breakpoint
CREATE INDEX "cobrowse_dialog_idx" ON "cobrowse_sessions" USING btree ("dialog_id");--> statement-breakpoint
CREATE INDEX "complaints_status_idx" ON "complaints" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "dialog_events_dialog_at_idx" ON "dialog_events" USING btree ("dialog_id","at");--> statement-breakpoint
CREATE INDEX "dialog_events_type_at_idx" ON "dialog_events" USING btree ("type","at");--> statement-breakpoint
CREATE INDEX "dialog_events_operator_at_idx" ON "dialog_events" USING btree ("operator_id","at");--> statement-breakpoint
CREATE INDEX "dialog_participants_dialog_idx" ON "dialog_participants" USING btree ("dialog_id");--> statement-breakpoint
CREATE INDEX "dialog_participants_user_idx" ON "dialog_participants" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "dialogs_queue_idx" ON "dialogs" USING btree ("state","category_id","queued_at");--> statement-breakpoint
CREATE INDEX "dialogs_operator_state_idx" ON "dialogs" USING btree ("operator_id","state");--> statement-breakpoint
CREATE INDEX "dialogs_offered_to_idx" ON "dialogs" USING btree ("offered_to_id");--> statement-breakpoint
CREATE INDEX "dialogs_visitor_idx" ON "dialogs" USING btree ("visitor_id","created_at");--> statement-breakpoint
CREATE INDEX "dialogs_category_idx" ON "dialogs" USING btree ("category_id");--> statement-breakpoint
CREATE INDEX "dialogs_closed_at_idx" ON "dialogs" USING btree ("closed_at");--> statement-breakpoint
CREATE INDEX "dialogs_queued_at_idx" ON "dialogs" USING btree ("queued_at");--> statement-breakpoint
CREATE INDEX "dialogs_offer_expires_idx" ON "dialogs" USING btree ("offer_expires_at");--> statement-breakpoint
CREATE INDEX "dialogs_hold_expires_idx" ON "dialogs" USING btree ("hold_expires_at");--> statement-breakpoint
CREATE INDEX "files_dialog_idx" ON "files" USING btree ("dialog_id");--> statement-breakpoint
CREATE UNIQUE INDEX "messages_dialog_seq_idx" ON "messages" USING btree ("dialog_id","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "messages_client_id_idx" ON "messages" USING btree ("dialog_id","sender_type","client_id");--> statement-breakpoint
CREATE INDEX "messages_created_at_idx" ON "messages" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "offline_messages_created_idx" ON "offline_messages" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "page_views_visitor_at_idx" ON "page_views" USING btree ("visitor_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "ratings_dialog_idx" ON "ratings" USING btree ("dialog_id");--> statement-breakpoint
CREATE INDEX "ratings_created_at_idx" ON "ratings" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "templates_owner_idx" ON "templates" USING btree ("owner_id");--> statement-breakpoint
CREATE INDEX "user_categories_category_idx" ON "user_categories" USING btree ("category_id");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_lower_idx" ON "users" USING btree (lower("email"));--> statement-breakpoint
CREATE INDEX "users_role_status_idx" ON "users" USING btree ("role","status");--> statement-breakpoint
CREATE INDEX "visitors_last_seen_idx" ON "visitors" USING btree ("last_seen_at");--> statement-breakpoint
CREATE INDEX "visitors_ip_idx" ON "visitors" USING btree ("ip");--> statement-breakpoint
CREATE INDEX "visitors_name_idx" ON "visitors" USING btree (lower("name"));--> statement-breakpoint
CREATE INDEX "visitors_phone_idx" ON "visitors" USING btree ("phone");--> statement-breakpoint
CREATE INDEX "visitors_email_idx" ON "visitors" USING btree (lower("email"));