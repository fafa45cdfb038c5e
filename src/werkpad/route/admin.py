from django.contrib import admin

from .models import Handreiking, RouteMilestone, Source


@admin.register(Source)
class SourceAdmin(admin.ModelAdmin):
    list_display = ["title", "publisher", "url"]


@admin.register(Handreiking)
class HandreikingAdmin(admin.ModelAdmin):
    list_display = ["number", "title"]


@admin.register(RouteMilestone)
class RouteMilestoneAdmin(admin.ModelAdmin):
    list_display = ["title", "party", "phase", "order", "active"]
    list_filter = ["party", "phase", "active"]
